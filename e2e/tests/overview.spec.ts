import { createSocket } from "node:dgram";
import { openDatabase } from "@patronus/core/db";
import { buildIpfixPacket, flowDataSet, IPFIX_IPV4_TEMPLATE, type FlowSpec } from "@patronus/core/flows";
import { formatBytes, formatCount } from "@patronus/core/format";
import { listPathHealth } from "@patronus/core/path-metrics";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { databaseFile, flowPort } from "../playwright.config";

/** One IPFIX datagram (template + data) to the collector the e2e run started. */
async function sendIpfix(flows: FlowSpec[]): Promise<void> {
  const packet = buildIpfixPacket({
    templates: [IPFIX_IPV4_TEMPLATE],
    dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, flows)],
  });
  const socket = createSocket("udp4");
  await new Promise<void>((resolve) => socket.send(packet, flowPort, "127.0.0.1", () => socket.close(() => resolve())));
}

/** RDP (TCP 3389): a demo policy no other spec sends to, so its figures here are this test's own. */
const rdp: FlowSpec = {
  src: "10.4.1.21",
  dst: "10.1.1.31",
  srcPort: 50_000,
  dstPort: 3389,
  protocol: 6,
  packets: 2_000_000,
  bytes: 2_000_000_000,
};

interface Stats {
  totals: { packets: number; bytes: number; active_flows: number };
  unmatched: { packets_matched: number; bytes_matched: number } | null;
  policies: { policy_id: number; packets_matched: number }[];
}

async function trafficStats(request: APIRequestContext): Promise<Stats> {
  const response = await request.post("/api/graphql", {
    data: {
      query:
        "{ traffic_stats { totals { packets bytes active_flows } unmatched { packets_matched bytes_matched } policies { policy_id packets_matched } } }",
    },
  });
  return ((await response.json()) as { data: { traffic_stats: Stats } }).data.traffic_stats;
}

test("the overview shows the collector's totals, the live and top-policy charts, and the paths by status", async ({
  page,
  request,
}) => {
  const before = await trafficStats(request);
  await sendIpfix([rdp]);
  await expect.poll(async () => (await trafficStats(request)).totals.packets).toBe(before.totals.packets + rdp.packets);
  const stats = await trafficStats(request);

  await page.goto("/");

  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByTestId("total-packets")).toHaveText(formatCount(stats.totals.packets), { timeout: 20_000 });
  await expect(page.getByTestId("total-bytes")).toHaveText(formatBytes(stats.totals.bytes));
  await expect(page.getByTestId("active-flows")).toHaveText(formatCount(stats.totals.active_flows));
  // Snapshots every second here: the newest 10-second bucket always has a rate, 0 when idle.
  await expect(page.getByTestId("rate-packets")).toHaveText(/pkt\/s$/);

  await expect(
    page.getByRole("figure", { name: /^Rate, last 15 minutes/ }).locator(".recharts-line-curve"),
  ).toBeVisible();
  const top = page.getByRole("figure", { name: /^Top 5 policies by traffic/ });
  await expect(top.locator(".recharts-area-area").first()).toBeVisible();
  // 2 GB in one flow: among the quarter hour's five biggest senders, beside the demo history's.
  await expect(top.locator(".recharts-legend-item-text", { hasText: /^RDP$/ })).toBeVisible();

  const unmatched = page.getByTestId("unmatched");
  if (stats.unmatched)
    await expect(unmatched).toContainText(
      `${formatCount(stats.unmatched.packets_matched)} packets, ${formatBytes(stats.unmatched.bytes_matched)}`,
    );
  else await expect(unmatched).toHaveText("All traffic matched a policy.");
});

test("the overview counts paths by status as the database holds them, each linking to the paths page filtered", async ({
  page,
}) => {
  const { db, close } = openDatabase(databaseFile);
  const paths = (() => {
    try {
      return listPathHealth(db, {});
    } finally {
      close();
    }
  })();
  const count = (status: string) => paths.filter((p) => p.status === status).length;

  await page.goto("/");

  const health = page.getByRole("region", { name: "Path health" });
  // The overview's one query asks the collector too: slow on a loaded machine.
  await expect(health).toBeVisible({ timeout: 20_000 });
  for (const [status, label] of [
    ["up", "Up"],
    ["degraded", "Degraded"],
    ["down", "Down"],
  ] as const)
    await expect(health.getByRole("link", { name: `${label}: ${count(status)}` })).toHaveAttribute(
      "href",
      `/paths?status=${status}`,
    );
  await health.getByRole("link", { name: /^Up: / }).click();
  await expect(page).toHaveURL(/\/paths\?status=up$/);
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("up");
});

test("the overview says the collector is healthy while it is", async ({ page, request }) => {
  const response = await request.post("/api/graphql", {
    data: { query: "{ collector_health { problems { kind } } }" },
  });
  const { problems } = ((await response.json()) as { data: { collector_health: { problems: unknown[] } } }).data
    .collector_health;

  await page.goto("/");

  const collector = page.getByRole("region", { name: "Collector" });
  await expect(collector).toBeVisible({ timeout: 20_000 });
  if (problems.length === 0) await expect(collector.getByTestId("collector-state")).toHaveText("Healthy");
  else await expect(collector.getByTestId("collector-state").getByRole("listitem")).toHaveCount(problems.length);
});
