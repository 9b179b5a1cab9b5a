import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { graphqlData } from "./graphql-data";
import { test } from "./own-pair";
import { signIn } from "./sign-in";

/*
 * Issue 12's proof for collector health: the collector stopped under a running web app, the banner seen
 * on every dashboard page, and gone again once the collector is back. On a pair of its own
 * (fixtures/server-pair.ts), since stopping the shared collector would break the other specs.
 */

/** Two sites with an endpoint each, a path between them and a policy: one of each page to visit. */
async function buildNetwork(request: APIRequestContext) {
  const site = async (name: string, address: string) => {
    const { createSite } = await graphqlData<{ createSite: { id: string } }>(
      request,
      "mutation ($name: String!) { createSite(input: { name: $name }) { id } }",
      { name },
    );
    const { createEndpoint } = await graphqlData<{ createEndpoint: { id: string } }>(
      request,
      `
        mutation ($site: ID!, $address: String!) {
          createEndpoint(input: { site_id: $site, address: $address, port: 4500, interface_kind: "fiber" }) {
            id
          }
        }
      `,
      { site: createSite.id, address },
    );
    return { siteId: createSite.id, endpointId: createEndpoint.id };
  };
  const head = await site("Head office", "198.51.100.10");
  const branch = await site("Branch 7", "203.0.113.70");
  const { createPath } = await graphqlData<{ createPath: { path: { id: string } } }>(
    request,
    "mutation ($from: ID!, $to: ID!) { createPath(input: { source_endpoint_id: $from, destination_endpoint_id: $to }) { path { id } } }",
    { from: branch.endpointId, to: head.endpointId },
  );
  const { createPolicy } = await graphqlData<{ createPolicy: { id: string } }>(
    request,
    'mutation { createPolicy(input: { name: "Catch-all", priority: 0 }) { id } }',
  );
  return { siteId: branch.siteId, pathId: createPath.path.id, policyId: createPolicy.id };
}

/** The page's first collector-health answer, so "no banner" means the poll said so, not that it had not run. */
function healthAnswer(page: Page) {
  return page.waitForResponse(
    (r) =>
      r.url().endsWith("/api/graphql") &&
      r.request().postData()?.includes('"operationName":"CollectorHealth"') === true,
  );
}

const banner = (page: Page) => page.getByRole("alert", { name: "Collector health" });

test("with the collector stopped every page shows a banner saying it is unreachable and since when, gone without a reload once it is back", async ({
  page,
  pair,
}) => {
  // Eleven page loads, a sign-in (scrypt) and a collector stop and start: slower than the default.
  test.slow();
  await signIn(page, pair.admin);
  const { siteId, pathId, policyId } = await buildNetwork(page.request);
  const pages = [
    "/",
    "/traffic",
    "/policies",
    `/policies/${policyId}`,
    "/sites",
    `/sites/${siteId}`,
    "/paths",
    `/paths/${pathId}`,
    "/caches",
    "/audit",
    "/users",
  ];

  const healthy = healthAnswer(page);
  await page.goto("/");
  await healthy;
  await expect(banner(page)).toBeHidden();

  const stoppedAt = Date.now();
  await pair.stopCollector();
  const { collector_health } = await graphqlData<{ collector_health: { problems: { kind: string; since: number }[] } }>(
    page.request,
    "{ collector_health { problems { kind since } } }",
  );
  expect(collector_health.problems).toEqual([{ kind: "unreachable", since: expect.any(Number) }]);
  const since = collector_health.problems[0]!.since;
  expect(since).toBeGreaterThanOrEqual(stoppedAt);
  // The banner formats the time in the browser's locale and zone: format it there too.
  const sinceText = await page.evaluate(
    (at) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" }).format(at),
    since,
  );

  for (const path of pages) {
    await page.goto(path);
    await expect(banner(page), path).toContainText("The collector cannot be reached");
    // Since the stop on every page, not since the page was opened.
    await expect(banner(page), path).toContainText(`Since ${sinceText}.`);
  }

  // A mark on this document: a reload or navigation would drop it.
  await page.evaluate(() => document.documentElement.setAttribute("data-before-restart", ""));
  await pair.restartCollector();
  // The banner polls (every 5 s): it goes from the page left open.
  await expect(banner(page)).toBeHidden({ timeout: 20_000 });
  await expect(page.locator("html[data-before-restart]")).toHaveCount(1);
});

test("with the collector up but writing no snapshot for three intervals the banner says the history has stopped, since its start", async ({
  page,
  pair,
}) => {
  test.slow(); // a sign-in (scrypt) and a collector restart
  // The web app judges by its own interval (1 s); this collector snapshots once an hour, so none comes.
  const restartedAt = Date.now();
  await pair.restartCollector({ PATRONUS_SNAPSHOT_INTERVAL_MS: "3600000" });
  const readyAt = Date.now();
  await signIn(page, pair.admin);
  await page.goto("/policies");
  // Stale only three intervals (3 s) after the start: the banner's poll (5 s) brings it.
  await expect(banner(page)).toContainText(
    "The collector has written no snapshot for over three intervals (1 s each): traffic history has stopped.",
    { timeout: 20_000 },
  );
  // Since the collector started (it has written no snapshot at all): a second between the restart and
  // its ready line, in the browser's format.
  const startSeconds = await page.evaluate(
    ({ from, to }) => {
      const format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });
      const seconds: string[] = [];
      for (let at = Math.floor(from / 1000) * 1000; at <= to; at += 1000) seconds.push(`Since ${format.format(at)}.`);
      return seconds;
    },
    { from: restartedAt, to: readyAt },
  );
  const since = /Since [^.]+\./.exec((await banner(page).textContent()) ?? "")?.[0];
  expect(startSeconds).toContain(since);
});
