import { readFile } from "node:fs/promises";
import { writeAudit } from "@patronus/core/audit";
import { openDatabase } from "@patronus/core/db";
import { expect, test } from "@playwright/test";
import { databaseFile, storageState } from "../playwright.config";

const ACTOR = "paging@e2e.test";
const ROWS = 60; // more than a page (50)

test.beforeAll(() => {
  const { db, close } = openDatabase(databaseFile);
  try {
    for (let i = 0; i < ROWS; i++)
      writeAudit(db, {
        actor: ACTOR,
        action: i % 2 ? "site.delete" : "policy.update",
        target: `target-${i}`,
        outcome: i === ROWS - 1 ? "failed" : "success",
        details: { step: i, before: { name: `old-${i}` }, after: { name: `new-${i}` } },
      });
  } finally {
    close();
  }
});

test("an admin opens the audit log from the navigation, filters it, pages back, reads a row's details and exports it", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();

  const filters = page.getByRole("form", { name: "Filter the audit log" });
  await filters.getByLabel("Actor").fill(ACTOR);
  await filters.getByRole("button", { name: "Apply filters" }).click();

  const table = page.getByRole("table", { name: "Audit log" });
  const rows = table.locator("tbody").getByRole("row");
  await expect(rows).toHaveCount(50);
  // Newest first: the last row written leads.
  await expect(rows.first()).toContainText("target-59");
  await expect(rows.first()).toContainText("failed");

  await page.getByRole("button", { name: "Load older entries" }).click();
  await expect(rows).toHaveCount(ROWS);
  await expect(rows.last()).toContainText("target-0");
  await expect(page.getByRole("button", { name: "Load older entries" })).toHaveCount(0);

  const first = rows.first();
  await first.getByText("Details", { exact: false }).click();
  await expect(first.locator("pre")).toContainText('"name": "new-59"');

  await filters.getByLabel("Outcome").selectOption("failed");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows).toHaveCount(1);

  const download = page.waitForEvent("download");
  await filters.getByRole("link", { name: "Export CSV" }).click();
  const csv = await readFile(await (await download).path(), "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("id,time,actor,action,target,outcome,repeats,last_time,details");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`,${ACTOR},site.delete,target-59,failed,1,,`);
});

test("an admin sees a clear line when no entry matches", async ({ page }) => {
  await page.goto("/audit");
  const filters = page.getByRole("form", { name: "Filter the audit log" });
  await filters.getByLabel("Actor").fill("nobody@e2e.test");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("status")).toHaveText("No audit entries match these filters.");
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageState.viewer });

  test("the audit log is neither linked nor shown", async ({ page }) => {
    await page.goto("/audit");
    await expect(page.getByText("Only admins can read the audit log; you are signed in as viewer.")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(
      0,
    );
  });
});
