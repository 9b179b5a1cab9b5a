import { createSocket } from "node:dgram";
import { buildIpfixPacket, flowDataSet, IPFIX_IPV4_TEMPLATE } from "@patronus/core/flows";
import { expect, test } from "@playwright/test";
import { flowPort } from "../playwright.config";

interface PolicyRow {
  id: string;
  priority: number;
  packets_matched: number;
  bytes_matched: number;
}

test("IPFIX records sent to the collector show up in the release note's policies query", async ({ request }) => {
  const voip = { src: "10.4.1.20", dst: "10.1.1.30", srcPort: 16384, dstPort: 16500, protocol: 17, dscp: 46, packets: 120, bytes: 25680 };
  const packet = buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE], dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [voip])] });
  const socket = createSocket("udp4");
  await new Promise<void>((resolve) => socket.send(packet, flowPort, "127.0.0.1", () => socket.close(() => resolve())));

  const query = "{ policies { id priority packets_matched bytes_matched } }";
  await expect
    .poll(async () => {
      const response = await request.post("/api/graphql", { data: { query } });
      const { data } = (await response.json()) as { data: { policies: PolicyRow[] } };
      return data.policies.find((p) => p.priority === 950);
    })
    .toMatchObject({ packets_matched: 120, bytes_matched: 25680 });

  const stats = await request.post("/api/graphql", { data: { query: "{ traffic_stats { source totals { packets } } }" } });
  expect((await stats.json()).data.traffic_stats).toEqual({ source: "live", totals: { packets: 120 } });
});
