import { createSocket } from "node:dgram";
import { once } from "node:events";
import { buildIpfixPacket, flowDataSet, IPFIX_IPV4_TEMPLATE, type FlowSpec } from "@patronus/core/flows";
import { formatBytes } from "@patronus/core/format";
import { expect, type APIRequestContext } from "@playwright/test";
import { graphqlData } from "./graphql-data";
import { test } from "./own-pair";
import { signIn } from "./sign-in";

/*
 * Issue 13, traffic per site: two sites whose edges export from 127.0.0.2 and 127.0.0.3 (Linux routes all
 * of 127.0.0.0/8 to loopback), on a web app and collector of this file's own over an empty database.
 */

/** One IPFIX datagram from `source`, a loopback address the socket binds to. */
async function sendIpfixFrom(source: string, port: number, flows: FlowSpec[]): Promise<void> {
  const packet = buildIpfixPacket({
    templates: [IPFIX_IPV4_TEMPLATE],
    dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, flows)],
  });
  const socket = createSocket("udp4");
  socket.bind({ address: source, port: 0 });
  await once(socket, "listening");
  await new Promise<void>((resolve, reject) =>
    socket.send(packet, port, "127.0.0.1", (e) => (e ? reject(e) : resolve())),
  );
  await new Promise<void>((resolve) => socket.close(resolve));
}

async function siteWithEdge(request: APIRequestContext, name: string, address: string): Promise<string> {
  const { createSite } = await graphqlData<{ createSite: { id: string } }>(
    request,
    "mutation ($name: String!) { createSite(input: { name: $name }) { id } }",
    { name },
  );
  await graphqlData(
    request,
    `
      mutation ($site: ID!, $address: String!) {
        createEndpoint(input: { site_id: $site, address: $address, port: 4739, interface_kind: "fiber" }) {
          id
        }
      }
    `,
    { site: createSite.id, address },
  );
  return createSite.id;
}

const web = { dst: "192.0.2.80", dstPort: 443, protocol: 6 };
const berlinFlows: FlowSpec[] = [{ ...web, src: "10.1.0.5", srcPort: 40001, packets: 40, bytes: 52_000 }];
const lyonFlows: FlowSpec[] = [{ ...web, src: "10.2.0.9", srcPort: 40002, packets: 12, bytes: 7_300 }];

test("flows from two sites' edges are counted per site on each site page, in the policies page's site column and in the site's chart", async ({
  page,
  pair,
}) => {
  test.slow(); // a sign-in, two sites built and flows waited for through the collector's snapshots
  await signIn(page, pair.admin);
  const berlin = await siteWithEdge(page.request, "Berlin", "127.0.0.2");
  const lyon = await siteWithEdge(page.request, "Lyon", "127.0.0.3");
  await graphqlData(
    page.request,
    `
      mutation {
        createPolicy(input: { name: "Web", priority: 10 }) {
          id
        }
      }
    `,
  );
  // The collector reloads endpoints on the same poll as policies, right after them.
  await expect.poll(() => pair.policiesLoaded()).toBe(1);

  await sendIpfixFrom("127.0.0.2", pair.flowPort, berlinFlows);
  await sendIpfixFrom("127.0.0.3", pair.flowPort, lyonFlows);

  await page.goto(`/sites/${berlin}`);
  const berlinTable = page.getByRole("table", { name: "Traffic from Berlin by policy" });
  await expect(berlinTable.getByRole("row", { name: /Web/ })).toContainText(formatBytes(52_000));
  await page.goto(`/sites/${lyon}`);
  const lyonTable = page.getByRole("table", { name: "Traffic from Lyon by policy" });
  await expect(lyonTable.getByRole("row", { name: /Web/ })).toContainText(formatBytes(7_300));

  await page.goto("/policies");
  const policies = page.getByRole("table", { name: "Policies" });
  await expect(policies.getByRole("row", { name: /Web/ })).toContainText(formatBytes(59_300));
  await page.getByLabel("Traffic from").selectOption({ label: "Berlin" });
  await expect(policies.getByRole("columnheader", { name: "Bytes from Berlin" })).toBeVisible();
  await expect(policies.getByRole("row", { name: /Web/ })).toContainText(formatBytes(52_000));
  await page.getByLabel("Traffic from").selectOption({ label: "Lyon" });
  await expect(policies.getByRole("columnheader", { name: "Bytes from Lyon" })).toBeVisible();
  await expect(policies.getByRole("row", { name: /Web/ })).toContainText(formatBytes(7_300));
  await page.getByLabel("Traffic from").selectOption({ label: "All sites" });
  await expect(policies.getByRole("columnheader", { name: /from/ })).toHaveCount(0);

  // The first snapshot of a policy is a baseline (docs/database.md): this test's flows come after it.
  const history = () =>
    graphqlData<{ site_traffic: { by_policy: { bytes: number }[] } }>(
      page.request,
      "query ($site: ID!, $from: Float!, $to: Float!) { site_traffic(site_id: $site, from: $from, to: $to) { by_policy { bytes } } }",
      { site: berlin, from: Date.now() - 3_600_000, to: Date.now() + 60_000 },
    );
  await sendIpfixFrom("127.0.0.2", pair.flowPort, [{ ...berlinFlows[0]!, srcPort: 40009, packets: 3, bytes: 3_000 }]);
  await expect.poll(async () => (await history()).site_traffic.by_policy[0]?.bytes ?? 0).toBeGreaterThan(0);

  await page.goto(`/sites/${berlin}`);
  await expect(page.getByRole("figure", { name: "Traffic from Berlin chart" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("table", { name: "Traffic from Berlin by policy" })).toBeVisible();
  // The chart takes its new width from a ResizeObserver callback, after the resize: wait for the layout.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
});
