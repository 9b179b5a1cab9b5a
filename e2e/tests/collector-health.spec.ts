import { createSocket } from "node:dgram";
import { buildV5Packet } from "@patronus/core/flows";
import { expect, test } from "@playwright/test";
import { flowPort } from "../playwright.config";

// This run's collector takes flows from 127.0.0.1 only (playwright.config.ts): a datagram from
// 127.0.0.2 raises its unknown-exporter count, one of the problems the banner reports.
async function sendFromStranger(): Promise<void> {
  const socket = createSocket("udp4");
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.2", () => resolve()));
  const packet = buildV5Packet({
    flows: [{ src: "10.9.9.1", dst: "10.9.9.2", srcPort: 4000, dstPort: 443, protocol: 6, packets: 3, bytes: 180 }],
  });
  await new Promise<void>((resolve) => socket.send(packet, flowPort, "127.0.0.1", () => socket.close(() => resolve())));
}

const PAGES = ["/", "/policies", "/traffic", "/caches", "/users", "/audit"];

test("every page shows a banner saying unknown exporters are sending, and since when", async ({ page }) => {
  test.slow(); // six pages, each waiting up to two of the banner's 5 s polls
  for (const path of PAGES) {
    await page.goto(path);
    // The banner reports a rise between two of its polls (5 s apart): keep the count rising until it shows.
    const banner = page.getByRole("alert", { name: "Collector health" });
    await expect(async () => {
      await sendFromStranger();
      await expect(banner).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(banner).toContainText("Datagrams from unknown exporters are arriving");
    await expect(banner).toContainText(/Since .+\./);
  }
});
