import { expect as baseExpect, test, type Locator, type Page } from "@playwright/test";
import { storageState } from "../playwright.config";

// The pages poll every 2 s and e2e shares a busy machine: a little more patience than the 5 s default.
const expect = baseExpect.configure({ timeout: 15_000 });

/** The policy names in the table's rows, top to bottom. */
async function rowNames(table: Locator): Promise<string[]> {
  const rows = await table.getByRole("row").all();
  const names: string[] = [];
  for (const row of rows.slice(1))
    names.push((await row.getByRole("cell").nth(1).getByRole("link").textContent()) ?? "");
  return names;
}

/**
 * React's hydration errors on `page`, as they are reported. A production build (which e2e runs) reports a
 * mismatch only as "Minified React error #418" (or #423/#425), never with the word "hydration".
 */
function hydrationErrors(page: Page): string[] {
  const errors: string[] = [];
  const keep = (text: string) => {
    if (/hydrat|did not match|Minified React error #(418|419|421|422|423|425)\b/i.test(text)) errors.push(text);
  };
  page.on("console", (message) => message.type() === "error" && keep(message.text()));
  page.on("pageerror", (error) => keep(error.message));
  return errors;
}

async function openPolicies(page: Page, { reload = false } = {}): Promise<Locator> {
  if (reload) await page.reload();
  else await page.goto("/policies");
  const table = page.getByRole("table", { name: "Policies" });
  await expect(table.getByRole("row")).toHaveCount(26); // header + 25 demo policies
  return table;
}

/** Moves `name` one place in reorder mode and saves. */
async function move(page: Page, name: string, direction: "up" | "down"): Promise<void> {
  await page.getByRole("button", { name: "Reorder", exact: true }).click();
  await page.getByRole("button", { name: `Move ${name} ${direction}` }).click();
  await page.getByRole("button", { name: "Save order" }).click();
  await expect(page.getByRole("table", { name: "Policies" })).toBeVisible();
}

test("a column header sorts the table by keyboard and says so with aria-sort", async ({ page }) => {
  const table = await openPolicies(page);
  const nameHeader = table.getByRole("columnheader", { name: "Name", exact: true });

  await nameHeader.getByRole("button").focus();
  await page.keyboard.press("Enter");

  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("columnheader", { name: "Priority", exact: true })).not.toHaveAttribute("aria-sort");
  const names = await rowNames(table);
  expect(names).toEqual([...names].sort(new Intl.Collator("en", { sensitivity: "base", numeric: true }).compare));

  await page.keyboard.press("Enter");
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  expect((await rowNames(table))[0]).toBe([...names].at(-1));
});

test("a policy's name opens its page with its match rules in words", async ({ page }) => {
  const table = await openPolicies(page);

  await table.getByRole("link", { name: "SIP signalling", exact: true }).click();

  await expect(page).toHaveURL(/\/policies\/\d+/);
  await expect(page.getByRole("heading", { level: 1, name: "SIP signalling" })).toBeVisible();
  await expect(page.getByTestId("rules-text")).toHaveText("TCP or UDP to any address port 5060–5061");
  await expect(page.getByRole("link", { name: "Edit policy" })).toBeVisible();
  await expect(page.getByLabel("Policy facts")).toContainText("Lowest loss");
});

test("a policy's page, rendered on the server, hydrates without a mismatch and then shows times in the reader's zone", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: storageState.admin, timezoneId: "Asia/Kolkata" });
  const page = await context.newPage();
  const errors = hydrationErrors(page);
  const response = await page.goto("/policies/1");
  // The server cannot know the reader's zone, so its HTML says UTC.
  const served = /<time[^>]*>[^<]*<\/time>/.exec(await response!.text())?.[0];
  expect(served).toMatch(/^<time dateTime="[^"]+">\d{4}-\d\d-\d\d \d\d:\d\d UTC<\/time>$/);
  const facts = page.getByLabel("Policy facts");
  await expect(facts.getByRole("definition").filter({ has: page.locator("time") })).toContainText("GMT+5:30");
  expect(errors).toEqual([]);
  await context.close();
});

test("the hydration check above sees a mismatch as a production build reports it", async ({ page }) => {
  const errors = hydrationErrors(page);
  // The server's HTML says another priority than the page's own render: a text mismatch.
  await page.route("**/policies/1", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<dt>Priority<\/dt><dd>\d+<\/dd>/, "<dt>Priority</dt><dd>-1</dd>");
    await route.fulfill({ response, body: html });
  });
  await page.goto("/policies/1");
  await expect.poll(() => errors.length).toBeGreaterThan(0);
});

test("a policy's page says so when its own query fails, rather than showing the counters it came with as current", async ({
  page,
}) => {
  await page.route("**/api/graphql", async (route) => {
    if (!route.request().postData()?.includes("query PolicyDetail")) return route.continue();
    await route.fulfill({ status: 500, json: { errors: [{ message: "internal error" }] } });
  });
  await page.goto("/policies/1");
  await expect(page.getByRole("alert").filter({ hasText: "Could not load the policy" })).toBeVisible();
});

test("a missing policy answers 404 with a way back to the policies", async ({ page }) => {
  const response = await page.goto("/policies/99999");

  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Policy not found" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "See the policies" })).toBeVisible();
});

test("reordering two policies saves the new order, which a reload shows", async ({ page }) => {
  const table = await openPolicies(page);
  const before = await rowNames(table);
  expect(before.indexOf("Bulk (CS1 scavenger)")).toBe(before.indexOf("Guest Wi-Fi") - 1);

  await move(page, "Guest Wi-Fi", "up");

  const after = await rowNames(await openPolicies(page, { reload: true }));
  expect(after.indexOf("Guest Wi-Fi")).toBe(after.indexOf("Bulk (CS1 scavenger)") - 1);
  // Put them back: other specs count on the demo order.
  await move(page, "Guest Wi-Fi", "down");
  expect(await rowNames(await openPolicies(page, { reload: true }))).toEqual(before);
});

test("cancelling a reorder leaves the order as it was", async ({ page }) => {
  const table = await openPolicies(page);
  const before = await rowNames(table);

  await page.getByRole("button", { name: "Reorder", exact: true }).click();
  await page.getByRole("button", { name: "Move Guest Wi-Fi up" }).click();
  await page.getByRole("button", { name: "Cancel", exact: true }).click();

  expect(await rowNames(page.getByRole("table", { name: "Policies" }))).toEqual(before);
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageState.viewer });

  test("the policies list and a policy page offer no reorder or edit controls, and say why", async ({ page }) => {
    const table = await openPolicies(page);

    await expect(page.getByTestId("role-notice")).toContainText("may view policies but not edit");
    await expect(page.getByRole("button", { name: "Reorder", exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "New policy" })).toHaveCount(0);
    await expect(table.getByRole("link", { name: /^Edit / })).toHaveCount(0);

    await table.getByRole("link", { name: "VoIP media (EF)", exact: true }).click();
    await expect(page.getByTestId("rules-text")).toHaveText("UDP, DSCP EF (46)");
    await expect(page.getByRole("link", { name: "Edit policy" })).toHaveCount(0);
  });
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const path of ["/policies", "/policies/1"]) {
    test(`${path} does not overflow the screen; a wide table scrolls in its own box`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText(/Loading/)).toHaveCount(0);

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if (path === "/policies") {
        const box = page.getByRole("region", { name: "Policies table" });
        expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      }
      await page.screenshot({ path: `.reports/phone${path.replaceAll("/", "-")}.png`, fullPage: true });
    });
  }
});
