import { createSocket } from "node:dgram";
import { readFile } from "node:fs/promises";
import { buildIpfixPacket, flowDataSet, IPFIX_IPV4_TEMPLATE } from "@patronus/core/flows";
import { formatPacketRate } from "@patronus/core/format";
import { expect, test, type Page } from "@playwright/test";
import { graphqlRequestsOf } from "./graphql-data";
import { flowPort } from "../playwright.config";

// Guest Wi-Fi: no other spec sends its traffic, so its counters are this file's alone.
const guest = {
  src: "172.16.5.5",
  dst: "198.51.100.99",
  srcPort: 49003,
  dstPort: 8443,
  protocol: 6,
  packets: 4321,
  bytes: 4_321_000,
};
const HEADER = "timestamp,time,policy_id,policy_name,packets_matched,bytes_matched,active_flows";

async function sendGuestFlow(): Promise<void> {
  const packet = buildIpfixPacket({
    templates: [IPFIX_IPV4_TEMPLATE],
    dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [guest])],
  });
  const socket = createSocket("udp4");
  await new Promise<void>((resolve) => socket.send(packet, flowPort, "127.0.0.1", () => socket.close(() => resolve())));
}

const totalPackets = async (page: Page) =>
  Number((await page.getByTestId("total-packets").textContent())?.replaceAll(",", ""));

test("the traffic page charts the recorded history, follows the range and policy pickers, and exports it as CSV", async ({
  page,
}) => {
  await page.goto("/traffic");
  const caption = page.getByTestId("history-caption");
  // The demo seed's day of snapshots: a chart from the first start.
  await expect(caption).toHaveText("Last 24 hours · 5-minute buckets · all policies");
  for (const name of ["Packets per second", "Bytes per second", "Active flows"]) {
    await expect(page.getByRole("figure", { name }).locator(".recharts-line-curve")).toBeVisible();
  }
  const allPolicies = await totalPackets(page);
  expect(allPolicies).toBeGreaterThan(0);

  await page.getByRole("combobox", { name: "Policy" }).selectOption({ label: "Guest Wi-Fi" });
  await page.getByRole("combobox", { name: "Range" }).selectOption({ label: "Last 7 days" });
  await expect(caption).toHaveText("Last 7 days · 30-minute buckets · Guest Wi-Fi");
  // The whole seeded day lies inside the week, so this total holds still until new snapshots come.
  await expect.poll(() => totalPackets(page)).toBeLessThan(allPolicies);
  const seeded = await totalPackets(page);

  await sendGuestFlow();
  // The collector's next snapshot (every second here) records it; the page keeps range and policy in its address.
  await expect
    .poll(
      async () => {
        await page.reload();
        await expect(caption).toHaveText("Last 7 days · 30-minute buckets · Guest Wi-Fi");
        return totalPackets(page);
      },
      { timeout: 15_000 },
    )
    .toBe(seeded + guest.packets);

  await page.getByRole("combobox", { name: "Range" }).selectOption({ label: "Last hour" });
  await expect(caption).toHaveText("Last hour · 1-minute buckets · Guest Wi-Fi");
  await expect.poll(() => totalPackets(page)).toBeLessThan(seeded + guest.packets);
  expect(await totalPackets(page)).toBeGreaterThanOrEqual(guest.packets);

  // The chart's export: the buckets on screen, whose packets add up to the total the page shows.
  const buckets = await download(page, "Export CSV");
  expect(buckets.name).toMatch(/^patronus-traffic-\d{8}T\d{6}Z-\d{8}T\d{6}Z-1m-policy-\d+\.csv$/);
  expect(buckets.lines[0]).toMatch(/^# Patronus traffic: 1-minute buckets of policy Guest Wi-Fi, .+ Times in UTC\.$/);
  expect(buckets.lines[1]).toBe(BUCKET_HEADER);
  const exported = buckets.lines.slice(2).reduce((sum, line) => sum + Number(line.split(",")[2]), 0);
  expect(exported).toBe(await totalPackets(page));

  const raw = await download(page, "Raw snapshots (CSV)");
  expect(raw.name).toMatch(/^patronus-traffic-\d{8}T\d{6}Z-\d{8}T\d{6}Z-raw-policy-\d+\.csv$/);
  expect(raw.lines[0]).toMatch(/^# Patronus traffic: raw snapshots .+ Times in UTC\.$/);
  expect(raw.lines[1]).toBe(HEADER);
  const rows = raw.lines.slice(2).map((line) => line.split(","));
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.every((r) => r[3] === "Guest Wi-Fi")).toBe(true);
  // The seed's last row is a reset to zero; the collector's snapshot of the flow comes after it.
  expect(rows.at(-2)?.slice(4, 6)).toEqual(["0", "0"]);
  expect(rows.at(-1)?.slice(4, 6)).toEqual([String(guest.packets), String(guest.bytes)]);
});

test("the traffic page comes with its first range's history: drawn without a query of its own, from the buckets the database holds", async ({
  page,
}) => {
  const historyQueries = graphqlRequestsOf(page, "TrafficHistory");
  await page.goto("/traffic?range=7d");
  for (const name of ["Packets per second", "Bytes per second", "Active flows"]) {
    await expect(page.getByRole("figure", { name }).locator(".recharts-line-curve")).toBeVisible();
  }
  await expect(page.getByTestId("time-zone")).toHaveText(
    `Times in ${await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)}. Gaps: nothing was recorded (the collector was down).`,
  );
  expect(historyQueries).toEqual([]);

  // The export link names the window the page was rendered for: its buckets, read from the database
  // by the export route, are the figures on screen.
  const buckets = await download(page, "Export CSV");
  const rows = buckets.lines.slice(2).map((line) => line.split(","));
  const packets = rows.reduce((sum, r) => sum + Number(r[2]), 0);
  const peak = Math.max(...rows.map((r) => Number(r[4] || 0)));
  expect(rows.length).toBeGreaterThan(0);
  expect(await totalPackets(page)).toBe(packets);
  await expect(page.getByTestId("peak-rate")).toHaveText(formatPacketRate(peak));
  // Every bucket with a figure is a point of the line; a bucket without one is a gap (a new M in the path).
  const drawn = await page
    .getByRole("figure", { name: "Packets per second" })
    .locator(".recharts-line-curve")
    .getAttribute("d");
  const runs = drawn?.match(/M/g)?.length ?? 0;
  const recordedRuns = rows.reduce(
    (count, r, i) => (r[4] !== "" && (i === 0 || rows[i - 1]![4] === "") ? count + 1 : count),
    0,
  );
  expect(runs).toBe(recordedRuns);
});

test("a policy's page comes with its chart's first range: drawn without a history query of its own, from the policy's buckets", async ({
  page,
}) => {
  const historyQueries = graphqlRequestsOf(page, "TrafficHistory");
  await page.goto("/policies/1?range=7d");
  await expect(page.getByTestId("history-caption")).toContainText("Last 7 days");
  for (const name of ["Packets per second", "Bytes per second", "Active flows"]) {
    await expect(page.getByRole("figure", { name }).locator(".recharts-line-curve")).toBeVisible();
  }
  await expect(page.getByTestId("time-zone")).toContainText(
    await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
  );
  expect(historyQueries).toEqual([]);
  // The figures are policy 1's own: the export of the window on screen, for that policy, sums to them.
  const buckets = await download(page, "Export CSV");
  const packets = buckets.lines.slice(2).reduce((sum, line) => sum + Number(line.split(",")[2]), 0);
  expect(await totalPackets(page)).toBe(packets);
});

const BUCKET_HEADER = "bucket_start,time,packets,bytes,packets_per_second,bytes_per_second,active_flows,samples";

async function download(page: Page, link: string): Promise<{ name: string; lines: string[] }> {
  const started = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).click();
  const file = await started;
  return { name: file.suggestedFilename(), lines: (await readFile(await file.path(), "utf8")).trimEnd().split("\r\n") };
}

test("the export refuses anonymous callers and says what is wrong with bad parameters", async ({
  page,
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const refused = await anonymous.get("/api/stats/export?format=csv&from=0&to=1");
  expect(refused.status()).toBe(401);
  await anonymous.dispose();

  const bad = await page.request.get("/api/stats/export?format=xlsx&from=0&to=1");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: "format must be csv or json" });
});
