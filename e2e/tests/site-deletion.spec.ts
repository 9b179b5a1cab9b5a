import { listAuditLog } from "@patronus/core/audit";
import { openDatabase } from "@patronus/core/db";
import {
  addEndpoint,
  createPath,
  createSite,
  getSite,
  listPaths,
  listSites,
  recordPathMetrics,
} from "@patronus/core/sites";
import { expect, test } from "@playwright/test";
import { admin, databaseFile, storageState } from "../playwright.config";

/**
 * A site of its own for each test, so the demo network other specs count stays whole: two endpoints,
 * a path each way to HQ New York and one from another branch into it, and two metric rows per path.
 */
function createThrowawaySite(name: string): { id: string; name: string } {
  const { db, close } = openDatabase(databaseFile);
  try {
    const site = createSite(db, { name, location: "Reno, US" });
    const [first, second] = [1, 2].map((n) =>
      addEndpoint(db, { site_id: site.id, address: `198.51.100.${n}`, port: 4500, interface_kind: "cable" }),
    );
    const endpointOf = (siteName: string) => {
      const other = listSites(db).find((s) => s.name === siteName)!;
      return listPaths(db).find((p) => p.source_site_id === other.id)!.source_endpoint_id;
    };
    const hq = endpointOf("HQ New York");
    const paths = [
      createPath(db, { source_endpoint_id: first!.id, destination_endpoint_id: hq }),
      createPath(db, { source_endpoint_id: hq, destination_endpoint_id: second!.id }),
      createPath(db, { source_endpoint_id: endpointOf("Branch Atlanta"), destination_endpoint_id: first!.id }),
    ];
    const now = Date.now();
    recordPathMetrics(
      db,
      paths.flatMap((p) =>
        [now - 60_000, now].map((timestamp) => ({
          path_id: p.id,
          timestamp,
          latency_ms: 20,
          jitter_ms: 2,
          packet_loss_pct: 0,
          bandwidth_mbps: 100,
          mtu: 1500,
          score: 90,
        })),
      ),
    );
    return { id: site.id, name };
  } finally {
    close();
  }
}

test("an admin deletes a site through the dialog; an open viewer dashboard drops it at once", async ({
  page,
  browser,
}) => {
  const site = createThrowawaySite("Branch Reno");
  const row = (p: typeof page) => p.getByRole("table", { name: "Sites" }).getByRole("row", { name: /Branch Reno/ });
  const viewerContext = await browser.newContext({ storageState: storageState.viewer });
  const viewerPage = await viewerContext.newPage();
  await viewerPage.goto("/sites");
  await expect(row(viewerPage)).toContainText("Reno, US");
  await expect(viewerPage.getByRole("button", { name: /^Delete / })).toHaveCount(0);

  await page.goto("/sites");
  await page.getByRole("button", { name: "Delete Branch Reno" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Branch Reno?" });
  const shown = dialog.getByRole("list", { name: "What will be deleted" }).getByRole("listitem");
  await expect(shown).toHaveText([
    "the site Branch Reno",
    "2 endpoints",
    "3 paths that start or end at them, other sites' paths included",
    "6 path metric rows",
    "0 rows of the site's traffic history",
  ]);
  // The admin's next move is to type the name: the field has the focus as soon as it is shown.
  await expect(dialog.getByLabel("Type Branch Reno to confirm")).toBeFocused();
  const confirm = dialog.getByRole("button", { name: "Delete site" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type Branch Reno to confirm").fill("Branch Ren");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type Branch Reno to confirm").fill("Branch Reno");
  await confirm.click();

  await expect(page.getByTestId("sites-notice")).toHaveText(
    "Deleted site Branch Reno with 2 endpoints, 3 paths and 6 path metric rows.",
  );
  await expect(dialog).toBeHidden();
  await expect(row(page)).toHaveCount(0);
  // The Delete button that opened the dialog is gone with its row; the focus lands on what happened.
  await expect(page.getByTestId("sites-notice")).toBeFocused();
  // The viewer's page was never reloaded: the deletion reached it over the event stream.
  await expect(viewerPage.getByTestId("sites-notice")).toHaveText(
    `Branch Reno was deleted by ${admin.email}, with 2 endpoints and 3 paths.`,
  );
  await expect(row(viewerPage)).toHaveCount(0);
  await viewerContext.close();

  const { db, close } = openDatabase(databaseFile);
  try {
    expect(getSite(db, { siteId: site.id })).toBeUndefined();
    expect(listPaths(db).filter((p) => p.source_site_id === site.id || p.destination_site_id === site.id)).toEqual([]);
    // Newest first: the deletion, then the creation this spec's setup made through core (actor "system").
    expect(listAuditLog(db, { target: `site:${site.id}` })).toEqual([
      expect.objectContaining({ actor: admin.email, action: "site.delete", outcome: "success" }),
      expect.objectContaining({ actor: "system", action: "site.create", outcome: "success" }),
    ]);
  } finally {
    close();
  }
});

test("cancelling the dialog deletes nothing", async ({ page }) => {
  const site = createThrowawaySite("Branch Boise");
  await page.goto("/sites");

  await page.getByRole("button", { name: "Delete Branch Boise" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Branch Boise?" });
  await expect(dialog.getByRole("listitem").nth(2)).toContainText("3 paths");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Delete Branch Boise" })).toBeFocused();
  await page.reload();
  await expect(page.getByRole("row", { name: /Branch Boise/ })).toContainText("Reno, US");

  // Leave the demo network as the other specs expect it, through the deleteSite mutation docs/api.md documents.
  const response = await page.request.post("/api/graphql", {
    data: { query: `mutation { deleteSite(site_id: "${site.id}") { success message } }` },
  });
  expect((await response.json()).data.deleteSite).toMatchObject({ success: true });
});
