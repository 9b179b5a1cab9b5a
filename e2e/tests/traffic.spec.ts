import { createSocket } from "node:dgram";
import { buildIpfixPacket, flowDataSet, IPFIX_IPV4_TEMPLATE, type FlowSpec } from "@patronus/core/flows";
import { expect, test } from "@playwright/test";
import { flowPort } from "../playwright.config";

interface PolicyRow {
  id: string;
  priority: number;
  packets_matched: number;
  bytes_matched: number;
}

/** Sends one IPFIX datagram (template + data) to the collector the e2e run started. */
async function sendIpfix(flows: FlowSpec[]): Promise<void> {
  const packet = buildIpfixPacket({
    templates: [IPFIX_IPV4_TEMPLATE],
    dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, flows)],
  });
  const socket = createSocket("udp4");
  await new Promise<void>((resolve) => socket.send(packet, flowPort, "127.0.0.1", () => socket.close(() => resolve())));
}

test("IPFIX records sent to the collector show up in the policies query docs/api.md documents", async ({ request }) => {
  await sendIpfix([
    {
      src: "10.4.1.20",
      dst: "10.1.1.30",
      srcPort: 16384,
      dstPort: 16500,
      protocol: 17,
      dscp: 46,
      packets: 120,
      bytes: 25680,
    },
  ]);

  const query = "{ policies { id priority packets_matched bytes_matched } }";
  await expect
    .poll(async () => {
      const response = await request.post("/api/graphql", { data: { query } });
      const { data } = (await response.json()) as { data: { policies: PolicyRow[] } };
      return data.policies.find((p) => p.priority === 950);
    })
    .toMatchObject({ packets_matched: 120, bytes_matched: 25680 });

  const stats = await request.post("/api/graphql", {
    data: { query: "{ traffic_stats { source totals { packets } } }" },
  });
  expect((await stats.json()).data.traffic_stats).toMatchObject({ source: "live" });
});

test("the policies page shows the collector's live counters and follows them", async ({ page }) => {
  const citrix = { src: "10.8.3.12", dst: "10.2.30.40", srcPort: 49152, dstPort: 1494, protocol: 6 };
  await sendIpfix([{ ...citrix, packets: 77, bytes: 23_100 }]);
  await page.goto("/policies");

  const table = page.getByRole("table", { name: "Policies" });
  await expect(page.getByTestId("stats-source")).toHaveText("Live counters from the collector.");
  await expect(table.getByRole("row")).toHaveCount(26); // header + 25 demo policies
  const row = table.getByRole("row", { name: /Citrix ICA/ });
  await expect(row).toContainText("77");
  await expect(row).toContainText("23.1 kB");

  await sendIpfix([{ ...citrix, packets: 23, bytes: 6_900 }]);
  await expect(row).toContainText("100"); // the page polls; no reload
  await expect(row).toContainText("30.0 kB");
});
