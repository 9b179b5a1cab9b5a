import { openDatabase } from "@patronus/core/db";
import { getPathMetricHistory, listPathHealth, type PathHealth } from "@patronus/core/path-metrics";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { graphqlRequestsOf } from "./graphql-data";
import { databaseFile, storageState } from "../playwright.config";

/** The demo network's rows as the database holds them now: the truth the page is checked against. */
function pathsInDatabase(filter: Parameters<typeof listPathHealth>[1] = {}): PathHealth[] {
  const { db, close } = openDatabase(databaseFile);
  try {
    return listPathHealth(db, filter);
  } finally {
    close();
  }
}

/** The buckets the week's chart of a path is drawn from, as the database holds them now. */
function weekInDatabase(pathId: number) {
  const { db, close } = openDatabase(databaseFile);
  try {
    const now = Date.now();
    return getPathMetricHistory(db, { pathId, from: now - 7 * 24 * 3_600_000, to: now, maxBuckets: 168 });
  } finally {
    close();
  }
}

const ROUTE = `query ($a: ID!, $b: ID!) {
  route(source_site_id: $a, destination_site_id: $b,
    flow: { source: "10.4.0.5", destination: "10.1.0.9", source_port: 16384, destination_port: 16500, protocol: 17, dscp: 46 }) { path_id }
}`;

async function routeOf(request: APIRequestContext, a: string, b: string): Promise<number | null> {
  const response = await request.post("/api/graphql", { data: { query: ROUTE, variables: { a, b } } });
  return ((await response.json()) as { data: { route: { path_id: number | null } } }).data.route.path_id;
}

test("metrics posted by a script turn a path degraded: the routing answer changes and the paths pages show it", async ({
  page,
  request,
  playwright,
  baseURL,
}) => {
  // Branch Chicago reaches HQ over fiber and over LTE; voice (DSCP 46) takes the lower latency.
  const chicagoToHq = pathsInDatabase().filter(
    (p) => p.source.site_name === "Branch Chicago" && p.destination.site_name === "HQ New York",
  );
  const fiber = chicagoToHq.find((p) => p.source.interface_kind === "fiber")!;
  const lte = chicagoToHq.find((p) => p.source.interface_kind === "lte")!;
  const [chicago, hq] = [fiber.source.site_id, fiber.destination.site_id];
  expect(await routeOf(request, chicago, hq)).toBe(fiber.path_id);

  const minted = await request.post("/api/graphql", {
    data: { query: 'mutation { createApiToken(name: "e2e probe", expires_in_days: 1) { token } }' },
  });
  const { token } = ((await minted.json()) as { data: { createApiToken: { token: string } } }).data.createApiToken;
  const probe = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const posted = await probe.post("/api/metrics/paths", {
    data: { samples: [{ path_id: fiber.path_id, latency_ms: 400, jitter_ms: 12.5, packet_loss_pct: 2 }] },
  });
  expect(posted.status()).toBe(200);
  expect(await posted.json()).toEqual({
    recorded: 1,
    status_changes: [{ path_id: fiber.path_id, status: "degraded" }],
  });
  await probe.dispose();

  expect(await routeOf(request, chicago, hq)).toBe(lte.path_id);

  // The paths view, filtered to degraded paths: exactly the database's, worst first, ours among them.
  await page.goto("/paths");
  await page.getByRole("combobox", { name: "Status" }).selectOption("degraded");
  const degraded = pathsInDatabase({ status: "degraded" });
  const table = page.getByRole("table", { name: "Path health" });
  await expect(table.getByRole("row")).toHaveCount(degraded.length + 1);
  await expect(table.getByRole("row").nth(1).getByRole("cell").first()).toHaveText(`Path ${degraded[0]!.path_id}`);
  const row = table
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: `Path ${fiber.path_id}`, exact: true }) });
  await expect(row.getByRole("cell")).toHaveText([
    `Path ${fiber.path_id}`,
    /Branch Chicago/,
    /HQ New York/,
    "degraded",
    "400.0 ms",
    "12.5 ms",
    "2.00 %",
    // 100 - 400/3 - 2*10 - 12.5, clamped to 0
    "0",
  ]);

  // Filtered by site: the paths touching Branch Chicago, as the database lists them.
  await page.getByRole("combobox", { name: "Status" }).selectOption("");
  await page.getByRole("combobox", { name: "Site" }).selectOption({ label: "Branch Chicago" });
  await expect(table.getByRole("row")).toHaveCount(pathsInDatabase({ siteId: chicago }).length + 1);

  // The path's own page: its latest figures and the four charts.
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { name: `Path ${fiber.path_id}` })).toBeVisible();
  const latest = page.getByRole("definition");
  await expect(latest.first()).toHaveText("400.0 ms");
  for (const name of ["Latency chart", "Jitter chart", "Packet loss chart", "Score chart"])
    await expect(page.getByRole("figure", { name }).locator(".recharts-line-curve")).toBeVisible();
  await page.getByRole("combobox", { name: "Range" }).selectOption({ label: "Last 24 hours" });
  await expect(page).toHaveURL(/range=24h/);
  await expect(page.getByRole("figure", { name: "Latency chart" }).locator(".recharts-line-curve")).toBeVisible();
});

test("a path's page comes with its first range: charts drawn without a query of their own, from the database's figures", async ({
  page,
}) => {
  const pathQueries = graphqlRequestsOf(page, "PathDetail");
  // Any measured path: the seed's day lies inside the week, so its buckets hold still while the page loads.
  const path = pathsInDatabase().find((p) => p.latest !== null)!;
  const week = weekInDatabase(path.path_id);
  await page.goto(`/paths/${path.path_id}?range=7d`);

  const latest = page.getByLabel("Latest measurement").getByRole("definition");
  await expect(latest).toHaveText([
    `${path.latest!.latency_ms.toFixed(1)} ms`,
    `${path.latest!.jitter_ms.toFixed(1)} ms`,
    `${path.latest!.packet_loss_pct.toFixed(2)} %`,
    String(path.latest!.score),
  ]);
  for (const name of ["Latency chart", "Jitter chart", "Packet loss chart", "Score chart"])
    await expect(page.getByRole("figure", { name }).locator(".recharts-line-curve")).toBeVisible();
  // Named only after hydration: by now the charts' query would have been sent.
  await expect(page.getByTestId("time-zone")).toHaveText(
    `Times in ${await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)}; each point is the mean of a ${week.step_ms / 60_000}-minute bucket. Gaps: nothing was measured.`,
  );
  expect(pathQueries).toEqual([]);
  // One point per bucket: a monotone line is a move to the first and one cubic segment to each next.
  const drawn = await page
    .getByRole("figure", { name: "Latency chart" })
    .locator(".recharts-line-curve")
    .getAttribute("d");
  expect(week.buckets.length).toBeGreaterThan(2);
  expect((drawn?.match(/C/g)?.length ?? 0) + 1).toBe(week.buckets.length);
});

test("a path's page carries its four charts drawn in its HTML, so they show before any script runs", async ({
  browser,
}) => {
  const path = pathsInDatabase().find((p) => p.latest !== null)!;
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: storageState.admin });
  const page = await context.newPage();
  await page.goto(`/paths/${path.path_id}?range=24h`);
  for (const name of ["Latency chart", "Jitter chart", "Packet loss chart", "Score chart"])
    await expect(page.getByRole("figure", { name }).locator(".chart-sketch .line")).toBeVisible();
  await context.close();
});

test("the ingest refuses a signed-in browser session: only API tokens post metrics, and nothing is written", async ({
  request,
}) => {
  const before = pathsInDatabase();
  const path = before[before.length - 1]!;
  // A session cookie is not enough: only tokens may post metrics.
  const response = await request.post("/api/metrics/paths", {
    data: { samples: [{ path_id: path.path_id, latency_ms: 1, jitter_ms: 0, packet_loss_pct: 0 }] },
  });
  expect(response.status()).toBe(401);
  expect(pathsInDatabase().find((p) => p.path_id === path.path_id)?.latest).toEqual(path.latest);
});
