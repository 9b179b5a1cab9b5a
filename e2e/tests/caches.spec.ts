import { expect, test } from "@playwright/test";

test("an admin clears every cache from the caches page and sees the entries drop to 0", async ({ page, request }) => {
  // Fill the web process's path-metrics cache: 40 demo paths, each read once through it.
  const filled = await request.post("/api/graphql", { data: { query: "{ paths { latest_metrics { score } } }" } });
  expect(filled.ok()).toBe(true);

  await page.goto("/caches");
  const table = page.getByRole("table", { name: "Caches" });
  const metricsRow = table.getByRole("row", { name: /path_metrics/ });
  await expect(metricsRow.getByRole("cell").nth(2)).toHaveText("40");
  // The collector's exporter_verdicts holds an entry per source that has sent flows, if any has yet.
  let total = 0;
  for (const row of await table.getByRole("row").all()) {
    if ((await row.getByRole("cell").count()) > 0)
      total += Number((await row.getByRole("cell").nth(2).textContent())?.replaceAll(",", ""));
  }
  expect(total).toBeGreaterThanOrEqual(40);

  await page.getByRole("button", { name: "Clear all caches" }).click();
  const dialog = page.getByRole("dialog", { name: "Clear all caches?" });
  await expect(dialog).toContainText(`${total} entries will be removed`);
  await dialog.getByRole("button", { name: `Clear ${total} entries` }).click();

  await expect(page.getByTestId("clear-result")).toHaveText(
    `Cleared ${total} entries from the web and collector caches.`,
  );
  await expect(metricsRow.getByRole("cell").nth(2)).toHaveText("0");
  for (const row of await table.getByRole("row").all()) {
    if ((await row.getByRole("cell").count()) > 0) await expect(row.getByRole("cell").nth(2)).toHaveText("0");
  }
  // With every cache empty, "Clear 0 entries" is not offered: the button is disabled and says why.
  const clear = page.getByRole("button", { name: "Clear all caches" });
  await expect(clear).toBeDisabled();
  await expect(clear).toHaveAccessibleDescription("Nothing to clear: every cache is empty.");
});

test("a cache no lookup has reached yet shows its hit rate as —, not 0 %", async ({ page }) => {
  await page.goto("/caches");
  const table = page.getByRole("table", { name: "Caches" });
  await expect(table).toBeVisible();

  for (const row of await table.getByRole("row").all()) {
    const cells = row.getByRole("cell");
    if ((await cells.count()) === 0) continue;
    const [hits, misses] = [await cells.nth(4).textContent(), await cells.nth(5).textContent()];
    await expect(cells.nth(3)).toHaveText(hits === "0" && misses === "0" ? "—" : /%$/);
  }
});
