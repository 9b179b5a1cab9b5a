import { expect, test } from "@playwright/test";

const pages = ["/", "/policies", "/traffic", "/caches", "/users"];

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const path of pages) {
    test(`${path} fits the screen's width and keeps Sign out on screen`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
    });
  }
});

test("the navigation marks the current page, and a skip link jumps past it to the content", async ({ page }) => {
  await page.goto("/policies");

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Policies" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Sites" })).not.toHaveAttribute("aria-current", "page");

  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("an unknown address shows a page-not-found page in the dashboard's frame, with a way back", async ({ page }) => {
  const response = await page.goto("/no-such-page");

  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Go to the sites" }).click();
  await expect(page).toHaveURL(/\/$/);
});
