import { openDatabase } from "@patronus/core/db";
import { createUser, findUserByEmail } from "@patronus/core/users";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { databaseFile, storageState } from "../playwright.config";
import { signIn } from "./sign-in";

const operator = { email: "operator@e2e.test", password: "e2e-operator-password" };
const NAME = "E2E SCTP signalling";
const RENAMED = "E2E SCTP signalling, edited";

test.beforeAll(() => {
  // The shared pair's setup made only the admin; the operator goes straight into its database (as auth.setup.ts does the viewer).
  const { db, close } = openDatabase(databaseFile);
  try {
    if (!findUserByEmail(db, operator.email)) createUser(db, { ...operator, role: "operator" });
  } finally {
    close();
  }
});

async function graphql(request: APIRequestContext, query: string, variables: object = {}) {
  const response = await request.post("/api/graphql", { data: { query, variables } });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
}

async function policyNamed(request: APIRequestContext, name: string) {
  const { data } = await graphql(request, "{ policies { id name priority } }");
  return (data!.policies as { id: string; name: string; priority: number }[]).find((p) => p.name === name);
}

// The other specs count the demo policies: whatever this file creates goes again, even when a test fails.
test.afterEach(async ({ request }) => {
  for (const name of [NAME, RENAMED, `${NAME} (to delete)`]) {
    const left = await policyNamed(request, name);
    if (left) await graphql(request, "mutation ($id: ID!) { deletePolicy(policy_id: $id) { name } }", { id: left.id });
  }
});

async function operatorPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, operator);
  return page;
}

test("an operator creates a policy in the form, past a CIDR the server refused, and edits it while another page watches", async ({
  browser,
  baseURL,
  page: watcher,
}) => {
  test.slow(); // two sign-ins (scrypt) and two saves through the collector's pair on a shared machine
  await watcher.goto("/policies");
  const watched = watcher.getByRole("table", { name: "Policies" });
  await expect(watched.getByRole("row").nth(1)).toBeVisible();

  const page = await operatorPage(browser, baseURL);
  await page.goto("/policies/new");
  await page.getByLabel("Name", { exact: true }).fill(NAME);
  await page.getByLabel(/^Priority/).fill("321");
  await page.getByRole("button", { name: "Add source CIDR block" }).click();
  const cidr = page.getByLabel("Source CIDR block 1", { exact: true });
  await cidr.fill("10.1.2.3/8"); // host bits set: the form says so as it is typed, and the server refuses it
  await expect(cidr).toHaveAccessibleDescription(/host bits set/);
  await page.getByRole("button", { name: "Add destination port" }).click();
  await page.getByLabel("Destination port 1", { exact: true }).fill("65001");
  await page.getByRole("group", { name: "Protocols" }).getByLabel(/^SCTP/).check();
  await page.getByRole("button", { name: "Create policy" }).click();

  await expect(cidr).toHaveAccessibleDescription(/^Refused by the server: .*host bits set/);
  await expect(cidr).toBeFocused();
  await expect(cidr).toHaveAttribute("aria-invalid", "true");
  expect(await policyNamed(page.request, NAME)).toBeUndefined();

  await cidr.fill("10.0.0.0/8");
  await expect(cidr).not.toHaveAttribute("aria-invalid");
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page).toHaveURL(/\/policies$/);
  await expect(watched.getByRole("row", { name: NAME })).toContainText("321"); // the list polls: no reload

  const created = await policyNamed(page.request, NAME);
  await page.goto(`/policies/${created!.id}/edit`);
  await expect(page.getByLabel("Source CIDR block 1", { exact: true })).toHaveValue("10.0.0.0/8");
  await page.getByLabel("Name", { exact: true }).fill(RENAMED);
  await page.getByLabel(/^Priority/).fill("322");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page).toHaveURL(/\/policies$/);

  await expect(watched.getByRole("row", { name: RENAMED })).toContainText("322");
  expect(await policyNamed(watcher.request, RENAMED)).toMatchObject({ id: created!.id, priority: 322 });
  await page.context().close();
});

test.describe("a viewer", () => {
  test.use({ storageState: storageState.viewer });

  test("opening a policy's edit page gets no form, and the API refuses the edit", async ({ page }) => {
    const demo = await policyNamed(page.request, "Citrix ICA");
    await page.goto(`/policies/${demo!.id}/edit`);
    await expect(page.getByText("Your role may not edit policies")).toBeVisible();
    await expect(page.getByRole("form")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Save|Delete/ })).toHaveCount(0);

    const refused = await graphql(
      page.request,
      "mutation ($id: ID!) { updatePolicy(policy_id: $id, input: { priority: 1 }) { id } }",
      {
        id: demo!.id,
      },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await policyNamed(page.request, "Citrix ICA")).toMatchObject({ priority: demo!.priority });
  });
});

test("the delete dialog says how much history goes, and deletes once the name is typed", async ({ page }) => {
  const demo = await policyNamed(page.request, "Citrix ICA");
  const { data } = await graphql(
    page.request,
    "query ($id: ID!) { policy_dependencies(policy_id: $id) { stats_rows } }",
    {
      id: demo!.id,
    },
  );
  const rows = (data!.policy_dependencies as { stats_rows: number }).stats_rows;
  await page.goto(`/policies/${demo!.id}/edit`);
  await page.getByRole("button", { name: "Delete policy…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Citrix ICA?" });
  await expect(dialog.getByRole("list", { name: "What will be deleted" })).toContainText(
    new RegExp(`${rows.toLocaleString("en")} traffic snapshot rows?, its whole history since`),
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  const name = `${NAME} (to delete)`;
  const made = await graphql(
    page.request,
    "mutation ($n: String!) { createPolicy(input: { name: $n, priority: 1, enabled: false }) { id } }",
    {
      n: name,
    },
  );
  const id = (made.data!.createPolicy as { id: string }).id;
  await page.goto(`/policies/${id}/edit`);
  await page.getByRole("button", { name: "Delete policy…" }).click();
  const fresh = page.getByRole("dialog", { name: `Delete ${name}?` });
  await expect(fresh).toContainText("no traffic history");
  const confirm = fresh.getByRole("button", { name: "Delete policy" });
  await expect(confirm).toBeDisabled();
  await fresh.getByLabel(/Type .* to confirm/).fill(name);
  await confirm.click();
  await expect(page).toHaveURL(/\/policies$/);
  expect(await policyNamed(page.request, name)).toBeUndefined();
});
