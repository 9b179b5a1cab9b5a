import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** axe-core's violations on the page as it is now, one line each: rule, impact, the elements it found. */
async function violations(page: Page): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).analyze();
  return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** A page once its heading is shown and nothing says it is still loading. */
async function settled(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(/Loading/)).toHaveCount(0);
}

const pages = ["/", "/sites", "/policies", "/policies/new", "/policies/1", "/traffic", "/caches", "/users", "/audit"];
for (const path of pages) {
  test(`axe finds no violation on ${path}`, async ({ page }) => {
    await settled(page, path);
    expect(await violations(page)).toEqual([]);
  });
}

test("axe finds no violation on a site page and its path deletion dialog", async ({ page }) => {
  test.slow(); // two axe runs over a page of 30 paths
  await settled(page, "/sites");
  await page.getByRole("link", { name: "HQ New York" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "HQ New York" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Paths" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Traffic" })).toBeVisible();
  await expect(page.getByText(/Loading/)).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
  await page
    .getByRole("button", { name: /^Delete path / })
    .first()
    .click();
  await expect(page.getByRole("dialog").getByRole("list")).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("axe finds no violation on /policies with a site's traffic column", async ({ page }) => {
  await settled(page, "/policies");
  await page.getByLabel("Traffic from").selectOption({ label: "Exporters that are no endpoint" });
  await expect(page.getByRole("columnheader", { name: "Bytes from no endpoint" })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("axe finds no violation in the site deletion dialog", async ({ page }) => {
  await settled(page, "/sites");
  await page
    .getByRole("table", { name: "Sites" })
    .getByRole("button", { name: /^Delete / })
    .first()
    .click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("axe finds no violation on the sign-in page", async ({ page }) => {
    await settled(page, "/signin");
    expect(await violations(page)).toEqual([]);
  });
});
