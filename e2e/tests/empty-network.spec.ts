import { createSocket } from "node:dgram";
import { buildIpfixPacket, flowDataSet, IPFIX_IPV4_TEMPLATE, type FlowSpec } from "@patronus/core/flows";
import { formatBytes, formatCount } from "@patronus/core/format";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { graphqlData } from "./graphql-data";
import { test } from "./own-pair";
import { signIn } from "./sign-in";

/*
 * Issue 11's first proof: a network built from nothing. This file runs against a web app and collector of
 * its own over an empty database (fixtures/server-pair.ts), not the shared demo pair.
 */

async function sendIpfix(port: number, flows: FlowSpec[]): Promise<void> {
  const packet = buildIpfixPacket({
    templates: [IPFIX_IPV4_TEMPLATE],
    dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, flows)],
  });
  const socket = createSocket("udp4");
  await new Promise<void>((resolve) => socket.send(packet, port, "127.0.0.1", () => socket.close(() => resolve())));
}

/**
 * Two sites with an endpoint each and a path between them, through the sites pages as the admin would.
 * Returns the path's id, which the policy below pins.
 */
async function buildNetwork(page: Page): Promise<{ pathId: string }> {
  const siteWithEndpoint = async (name: string, address: string) => {
    await page.goto("/sites");
    await page.getByRole("button", { name: "New site" }).click();
    const siteForm = page.getByRole("form", { name: "New site" });
    await siteForm.getByLabel("Name").fill(name);
    await siteForm.getByRole("button", { name: "Create site" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const endpointForm = page.getByRole("form", { name: "Add endpoint" });
    await endpointForm.getByLabel("Address").fill(address);
    await endpointForm.getByLabel("Port").fill("4500");
    await endpointForm.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByRole("table", { name: "Endpoints" })).toContainText(address);
  };
  await siteWithEndpoint("Head office", "198.51.100.10");
  await siteWithEndpoint("Branch 7", "203.0.113.70");
  // On Branch 7's page: a path to the head office, and the path back.
  await page.getByRole("button", { name: "Add path" }).click();
  const pathForm = page.getByRole("form", { name: "Add path" });
  await pathForm.getByLabel("To site").selectOption({ label: "Head office" });
  await pathForm.getByRole("button", { name: "Create path" }).click();
  const created = page.getByText(/^Created path \d+ and the path back, \d+\.$/);
  await expect(created).toBeVisible();
  return { pathId: /Created path (\d+)/.exec((await created.textContent()) ?? "")![1]! };
}

async function policyCounters(request: APIRequestContext) {
  const { policies } = await graphqlData<{
    policies: { id: string; name: string; packets_matched: number; bytes_matched: number }[];
  }>(request, "{ policies { id name packets_matched bytes_matched } }");
  return Object.fromEntries(policies.map((p) => [p.name, p]));
}

/** The counters row of a policy on /policies; the page polls, so it follows without a reload. */
const counterRow = (page: Page, name: string) =>
  page.getByRole("table", { name: "Policies" }).getByRole("row", { name: new RegExp(name) });

const video = { dst: "192.0.2.80", dstPort: 8443, protocol: 6 };
const firstFlows: FlowSpec[] = [
  { ...video, src: "10.20.1.5", srcPort: 40001, packets: 40, bytes: 52_000 },
  { ...video, src: "10.20.3.9", srcPort: 40002, packets: 60, bytes: 8_000 },
];
const nextFlows: FlowSpec[] = [
  { ...video, src: "10.20.1.5", srcPort: 41001, packets: 7, bytes: 9_100 },
  { ...video, src: "10.20.4.4", srcPort: 41002, packets: 5, bytes: 2_400 },
];
const sum = (flows: FlowSpec[], key: "packets" | "bytes") => flows.reduce((n, f) => n + f[key], 0);

test("from an empty database: a network and a policy built in the browser count the flows sent, and an edit moves the next ones to the catch-all", async ({
  page,
  pair,
}) => {
  // A whole network built through forms and two rounds through the collector: slower than the default.
  test.slow();
  await signIn(page, pair.admin);
  await page.goto("/policies");
  await expect(page.getByText("No routing policies yet.")).toBeVisible();

  const { pathId } = await buildNetwork(page);

  // The catch-all, then the policy the flows match, both through the form.
  await page.goto("/policies/new");
  await page.getByLabel("Name", { exact: true }).fill("Catch-all");
  await page.getByLabel(/^Priority/).fill("0");
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page).toHaveURL(/\/policies$/);

  await page.goto("/policies/new");
  await page.getByLabel("Name", { exact: true }).fill("Branch video");
  await page.getByLabel(/^Priority/).fill("500");
  await page.getByLabel("Pinned path").selectOption(pathId);
  await page.getByRole("button", { name: "Add source CIDR block" }).click();
  await page.getByLabel("Source CIDR block 1", { exact: true }).fill("10.20.0.0/16");
  await page.getByRole("button", { name: "Add destination port" }).click();
  await page.getByLabel("Destination port 1", { exact: true }).fill("8443");
  await page.getByRole("group", { name: "Protocols" }).getByLabel(/^TCP/).check();
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page).toHaveURL(/\/policies$/);
  await expect(counterRow(page, "Branch video")).toBeVisible();

  // Sent once the collector has loaded both policies (it rebuilds its matcher within 2 s of a change).
  await expect.poll(() => pair.policiesLoaded()).toBe(2);
  await sendIpfix(pair.flowPort, firstFlows);
  const [packets, bytes] = [sum(firstFlows, "packets"), sum(firstFlows, "bytes")];
  await expect(counterRow(page, "Branch video")).toContainText(formatCount(packets));
  await expect(counterRow(page, "Branch video")).toContainText(formatBytes(bytes));
  expect(await policyCounters(page.request)).toMatchObject({
    "Branch video": { packets_matched: packets, bytes_matched: bytes },
    "Catch-all": { packets_matched: 0, bytes_matched: 0 },
  });

  // The edit: the source block no longer covers the flows, so the next ones fall to the catch-all.
  const { "Branch video": edited } = await policyCounters(page.request);
  const rebuildsBefore = pair.matcherRebuildCount();
  await page.goto(`/policies/${edited!.id}/edit`);
  await page.getByLabel("Source CIDR block 1", { exact: true }).fill("10.99.0.0/16");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page).toHaveURL(/\/policies$/);
  await expect.poll(() => pair.matcherRebuildCount()).toBeGreaterThan(rebuildsBefore);

  await sendIpfix(pair.flowPort, nextFlows);
  const [nextPackets, nextBytes] = [sum(nextFlows, "packets"), sum(nextFlows, "bytes")];
  await expect(counterRow(page, "Catch-all")).toContainText(formatBytes(nextBytes));
  expect(await policyCounters(page.request)).toMatchObject({
    "Branch video": { packets_matched: packets, bytes_matched: bytes },
    "Catch-all": { packets_matched: nextPackets, bytes_matched: nextBytes },
  });
});
