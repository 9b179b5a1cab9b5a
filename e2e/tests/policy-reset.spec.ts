import { expect, test } from "@playwright/test";
import { graphqlData } from "./graphql-data";
import { storageState } from "../playwright.config";

// A policy of this file's own, so resetting it moves no counter another spec reads; deleted afterwards.
let policyId: string;
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState.admin });
  const { createPolicy } = await graphqlData<{ createPolicy: { id: string } }>(
    context.request,
    'mutation { createPolicy(input: { name: "Reset e2e", priority: 1, enabled: false }) { id } }',
  );
  policyId = createPolicy.id;
  await context.close();
});
test.afterAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState.admin });
  await graphqlData(context.request, "mutation ($id: ID!) { deletePolicy(policy_id: $id) { name } }", { id: policyId });
  await context.close();
});

test("an admin resets a policy's counters from its page, behind a confirmation", async ({ page }) => {
  await page.goto(`/policies/${policyId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Reset e2e" })).toBeVisible();
  await page.getByRole("button", { name: "Reset counters" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Reset counters" }).click();
  // A disabled policy has counted nothing since the collector started.
  await expect(page.getByRole("status").filter({ hasText: "Nothing to reset" })).toBeVisible();
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageState.viewer });

  test("the policy page offers no reset", async ({ page }) => {
    await page.goto(`/policies/${policyId}`);
    await expect(page.getByRole("heading", { level: 1, name: "Reset e2e" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Reset counters" })).toHaveCount(0);
  });
});
