import { openDatabase } from "@patronus/core/db";
import { countPathDependencies, listEndpoints, listPaths, listSites, recordPathMetrics } from "@patronus/core/sites";
import { createUser, findUserByEmail } from "@patronus/core/users";
import { expect, test, type Page } from "@playwright/test";
import { databaseFile, storageState } from "../playwright.config";
import { signIn } from "./sign-in";

const operator = { email: "operator@e2e.test", password: "e2e-operator-password" };

/** Runs `read` against the e2e database as it is now: the truth the pages are checked against. */
function inDatabase<T>(read: (db: ReturnType<typeof openDatabase>["db"]) => T): T {
  const { db, close } = openDatabase(databaseFile);
  try {
    return read(db);
  } finally {
    close();
  }
}

const demoSiteId = (name: string) => inDatabase((db) => listSites(db).find((s) => s.name === name)!.id);

/** Deletes a site this spec made, through the API, so the demo network other specs count stays whole. */
async function deleteSiteByName(page: Page, name: string) {
  const site = inDatabase((db) => listSites(db).find((s) => s.name === name));
  if (!site) return;
  const response = await page.request.post("/api/graphql", {
    data: { query: `mutation { deleteSite(site_id: "${site.id}") { success } }` },
  });
  expect((await response.json()).data.deleteSite).toEqual({ success: true });
}

test.afterAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState.admin });
  await deleteSiteByName(await context.newPage(), "Branch Tucson");
  await context.close();
});

test("an admin builds a site in the browser and an open viewer page follows every step without a reload", async ({
  page,
  browser,
}) => {
  // Eleven steps, two browsers and two API round trips each: more than the default 30 s on a busy machine.
  test.slow();
  await page.goto("/sites");
  await page.getByRole("button", { name: "New site" }).click();
  const newSite = page.getByRole("form", { name: "New site" });
  await expect(newSite.getByLabel("Name")).toBeFocused();
  // A taken name is refused, the API's message beside the field it names.
  await newSite.getByLabel("Name").fill("HQ New York");
  await newSite.getByRole("button", { name: "Create site" }).click();
  await expect(newSite.getByLabel("Name")).toHaveAccessibleDescription('a site named "HQ New York" already exists');
  await newSite.getByLabel("Name").fill("Branch Tucson");
  await newSite.getByLabel("Location").fill("Tucson, US");
  await newSite.getByLabel("Status").selectOption("maintenance");
  await newSite.getByRole("button", { name: "Create site" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Branch Tucson" })).toBeVisible();
  const siteUrl = page.url();
  expect(siteUrl).toMatch(/\/sites\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("definition").filter({ hasText: "maintenance" })).toBeVisible();

  const viewerContext = await browser.newContext({ storageState: storageState.viewer });
  const viewerPage = await viewerContext.newPage();
  await viewerPage.goto(siteUrl);
  await expect(viewerPage.getByText("No endpoints yet.")).toBeVisible();

  await page.getByRole("button", { name: "Add endpoint" }).click();
  const endpointForm = page.getByRole("form", { name: "Add endpoint" });
  await endpointForm.getByLabel("Address").fill("198.51.100.300");
  await endpointForm.getByLabel("Port").fill("4500");
  await endpointForm.getByLabel("Interface kind").selectOption("cable");
  await endpointForm.getByLabel("Cost per GB").fill("0.25");
  await endpointForm.getByRole("button", { name: "Add endpoint" }).click();
  await expect(endpointForm.getByLabel("Address")).toHaveAccessibleDescription("must be an IPv4 or IPv6 address");
  await endpointForm.getByLabel("Address").fill("198.51.100.30");
  await endpointForm.getByRole("button", { name: "Add endpoint" }).click();

  const endpointRow = (p: Page) =>
    p.getByRole("table", { name: "Endpoints" }).getByRole("row", { name: /198\.51\.100\.30/ });
  await expect(endpointRow(page)).toContainText("cable");
  await expect(endpointRow(page)).toContainText("0.25");
  await expect(endpointRow(viewerPage)).toContainText("4500");

  await page.getByRole("button", { name: "Add path" }).click();
  const pathForm = page.getByRole("form", { name: "Add path" });
  await pathForm.getByLabel("To site").selectOption({ label: "HQ New York" });
  await expect(pathForm.getByLabel("Also create the reverse path")).toBeChecked();
  await pathForm.getByRole("button", { name: "Create path" }).click();
  await expect(page.getByText(/^Created path \d+ and the path back, \d+\.$/)).toBeVisible();

  const siteId = siteUrl.split("/").at(-1)!;
  const hqId = demoSiteId("HQ New York");
  const created = inDatabase((db) =>
    listPaths(db).filter((p) => p.source_site_id === siteId || p.destination_site_id === siteId),
  );
  expect(created.map((p) => [p.source_site_id, p.destination_site_id])).toEqual([
    [siteId, hqId],
    [hqId, siteId],
  ]);
  const [outgoing, back] = created;
  const pathRows = (p: Page) => p.getByRole("table", { name: "Paths" }).getByRole("row");
  for (const p of [page, viewerPage]) {
    await expect(pathRows(p)).toHaveCount(3); // header + both directions
    await expect(pathRows(p).filter({ hasText: `Path ${outgoing!.id}` })).toContainText(/to.*HQ New York/);
    await expect(pathRows(p).filter({ hasText: `Path ${back!.id}` })).toContainText(/from.*HQ New York/);
  }

  // Three measurements of the outgoing path: the deletion dialog must count exactly these.
  const now = Date.now();
  inDatabase((db) =>
    recordPathMetrics(
      db,
      [now - 20_000, now - 10_000, now].map((timestamp) => ({
        path_id: outgoing!.id,
        timestamp,
        latency_ms: 31,
        jitter_ms: 3,
        packet_loss_pct: 0.5,
        bandwidth_mbps: 200,
        mtu: 1500,
        score: 88,
      })),
    ),
  );
  const counted = inDatabase((db) => countPathDependencies(db, { pathId: outgoing!.id }));
  expect(counted.path_metrics).toBe(3);

  await page.getByRole("button", { name: `Delete path ${outgoing!.id}` }).click();
  const dialog = page.getByRole("dialog", { name: `Delete path ${outgoing!.id}?` });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expect(dialog.getByRole("list", { name: "What will be deleted" }).getByRole("listitem")).toHaveText([
    "the path from Branch Tucson (198.51.100.30) to HQ New York (" +
      inDatabase(
        (db) => listEndpoints(db, { siteId: hqId }).find((e) => e.id === outgoing!.destination_endpoint_id)!.address,
      ) +
      ")",
    `${counted.path_metrics} path metric rows`,
  ]);
  await dialog.getByRole("button", { name: "Delete path" }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Deleted path ${outgoing!.id} with 3 path metric rows.`)).toBeFocused();
  for (const p of [page, viewerPage]) {
    await expect(pathRows(p)).toHaveCount(2);
    await expect(pathRows(p).filter({ hasText: `Path ${back!.id}` })).toBeVisible();
  }
  expect(inDatabase((db) => listPaths(db).filter((p) => p.id === outgoing!.id || p.id === back!.id))).toEqual([
    expect.objectContaining({ id: back!.id }),
  ]);
  await viewerContext.close();
});

test("a viewer sees the network with no edit control and a line saying the role may not edit", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState.viewer });
  const page = await context.newPage();

  await page.goto("/sites");
  await expect(page.getByRole("table", { name: "Sites" }).getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByText("Your role (viewer) may not edit the network")).toBeVisible();
  await expect(page.getByRole("button", { name: "New site" })).toHaveCount(0);

  await page.getByRole("link", { name: "Branch Chicago" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Branch Chicago" })).toBeVisible();
  // A row beyond the header: the page shows the site's network, not an empty or failed load.
  await expect(page.getByRole("table", { name: "Endpoints" }).getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("table", { name: "Paths" }).getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByText("Your role (viewer) may not edit the network")).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByRole("button", { name: /^(Edit|Delete|Add|New) / })).toHaveCount(0);
  await expect(main.getByRole("button", { name: /^(Edit site|Add endpoint|Add path)$/ })).toHaveCount(0);
  // No picker but the traffic chart's range, which changes only what the viewer sees.
  await expect(main.getByRole("combobox", { name: /^(?!Range$)/ })).toHaveCount(0);
  await context.close();
});

test("an operator edits endpoints and paths but not the site itself", async ({ browser }) => {
  // A sign-in through scrypt and three page loads: the default 30 s is too tight on a busy machine.
  test.slow();
  inDatabase((db) => {
    if (!findUserByEmail(db, operator.email)) createUser(db, { ...operator, role: "operator" });
  });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, operator);

  await page.goto(`/sites/${demoSiteId("Branch Chicago")}`);
  await expect(page.getByRole("heading", { level: 1, name: "Branch Chicago" })).toBeVisible();
  await expect(page.getByText("Your role (operator) may not edit the site's details")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit site" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add endpoint" })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Add path" })).toBeEnabled();
  await expect(page.getByRole("button", { name: /^Delete path / }).first()).toBeVisible();
  await expect(page.getByRole("combobox", { name: /^Status of path / }).first()).toBeVisible();

  await page.goto("/sites");
  await expect(page.getByText("Your role (operator) may not create or delete sites")).toBeVisible();
  await expect(page.getByRole("button", { name: "New site" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete / })).toHaveCount(0);
  await context.close();
});

test("the site page fits a 390 px phone: no sideways scrolling of the page", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/sites/${demoSiteId("HQ New York")}`);
  await expect(page.getByRole("table", { name: "Paths" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("site-page-390.png"), fullPage: true });

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page
    .getByRole("button", { name: /^Delete path / })
    .first()
    .click();
  await expect(page.getByRole("dialog").getByRole("list")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("path-dialog-390.png") });
  const dialogBox = (await page.getByRole("dialog").boundingBox())!;
  expect(dialogBox.x).toBeGreaterThanOrEqual(0);
  expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(390);
});
