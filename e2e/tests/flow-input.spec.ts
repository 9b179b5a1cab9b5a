import { createSocket } from "node:dgram";
import { buildV5Packet } from "@patronus/core/flows";
import { expect, test } from "@playwright/test";
import { flowPort, storageState } from "../playwright.config";

/** One datagram to the collector, from `source` (this run's collector accepts only 127.0.0.1). */
async function send(packet: Uint8Array, source = "127.0.0.1"): Promise<void> {
  const socket = createSocket("udp4");
  await new Promise<void>((resolve) => socket.bind(0, source, () => resolve()));
  await new Promise<void>((resolve) => socket.send(packet, flowPort, "127.0.0.1", () => socket.close(() => resolve())));
}

const stranger = "127.0.0.2";
// The 72-byte datagram that once added 7×10¹³ packets: dPkts and dOctets at their maximum, sampled 1 in 16,383.
const absurd = buildV5Packet({
  samplingInterval: 0x3fff,
  flows: [
    {
      src: "10.0.0.1",
      dst: "10.0.0.2",
      srcPort: 1234,
      dstPort: 80,
      protocol: 6,
      packets: 0xffffffff,
      bytes: 0xffffffff,
    },
  ],
});
const plausible = buildV5Packet({
  flows: [{ src: "10.9.9.1", dst: "10.9.9.2", srcPort: 4000, dstPort: 443, protocol: 6, packets: 3, bytes: 180 }],
});

test("an admin sees the flow input's refusals and the unknown exporter that sent flows", async ({ page }) => {
  await send(absurd);
  await send(plausible, stranger);
  await page.goto("/policies");

  const panel = page.locator("details.flow-input");
  await panel.locator("summary").click();
  await expect(panel.getByText("Impossible records").locator("xpath=following-sibling::dd")).not.toHaveText("0", {
    timeout: 15_000,
  });
  await expect(panel.getByText("From unknown exporters").locator("xpath=following-sibling::dd")).not.toHaveText("0");
  await expect(
    page
      .getByRole("table", { name: "Unknown exporters" })
      .getByRole("row", { name: new RegExp(stranger.replaceAll(".", "\\.")) }),
  ).toBeVisible();
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageState.viewer });

  test("the unknown exporters are not shown, the refusal counts are", async ({ page }) => {
    await send(plausible, stranger);
    await page.goto("/policies");

    const panel = page.locator("details.flow-input");
    await panel.locator("summary").click();
    await expect(panel.getByText("From unknown exporters").locator("xpath=following-sibling::dd")).not.toHaveText("0", {
      timeout: 15_000,
    });
    await expect(page.getByRole("table", { name: "Unknown exporters" })).toHaveCount(0);
  });
});
