import { listAuditLog } from "@patronus/core/audit";
import { openDatabase } from "@patronus/core/db";
import { createUser } from "@patronus/core/users";
import { expect, test } from "@playwright/test";
import { admin, databaseFile, storageState, viewer } from "../playwright.config";
import { signIn } from "./sign-in";

const POLICIES = "{ policies { id priority packets_matched bytes_matched } }";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a page sends you to the sign-in page and back after signing in", async ({ page }) => {
    await page.goto("/policies");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fpolicies$/);

    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();

    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/policies$/);
    await expect(page.getByTestId("signed-in-as")).toContainText(`${admin.email} admin`);
  });

  test("the API refuses an anonymous query with UNAUTHENTICATED", async ({ request }) => {
    const response = await request.post("/api/graphql", { data: { query: POLICIES } });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("UNAUTHENTICATED");
  });
});

test("an API token minted by the admin answers the release note's policies query over curl-style HTTP", async ({ request, playwright, baseURL }) => {
  const minted = await request.post("/api/graphql", {
    data: { query: 'mutation { createApiToken(name: "e2e script", expires_in_days: 1) { token } }' },
  });
  const { token } = ((await minted.json()) as { data: { createApiToken: { token: string } } }).data.createApiToken;

  // A fresh context: no cookies, only the bearer token.
  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const response = await script.post("/api/graphql", { data: { query: POLICIES } });
  const { data } = (await response.json()) as { data: { policies: { priority: number }[] } };
  expect(data.policies).toHaveLength(25);
  expect(data.policies[0]).toMatchObject({ priority: 950, packets_matched: expect.any(Number), bytes_matched: expect.any(Number) });
  await script.dispose();
});

test("five wrong passwords lock the sign-in form out of that account for 15 minutes, audited", async ({ browser }) => {
  // An account of its own: locking the shared admin or viewer out would sign every later test out.
  const account = { email: "locked@e2e.test", password: "the right password" };
  const { db, close } = openDatabase(databaseFile);
  try {
    createUser(db, { ...account, role: "viewer" });
  } finally {
    close();
  }
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/signin");
  const attempt = async (password: string) => {
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };

  // The form's own alert (Next's route announcer is one too); each check runs scrypt, slow on a busy machine.
  const formError = page.locator("#signin-error");
  for (let i = 0; i < 5; i++) {
    await attempt(`wrong password ${i}`);
    await expect(formError).toHaveText("Wrong email or password.", { timeout: 15_000 });
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await attempt(account.password);

  await expect(formError).toHaveText("Too many failed sign-ins. Try again in 15 minutes.", { timeout: 15_000 });
  await expect(page).toHaveURL(/\/signin/);
  await context.close();
  const log = openDatabase(databaseFile);
  try {
    const outcomes = listAuditLog(log.db, { target: `user:${account.email}` }).map((e) => e.outcome);
    expect(outcomes).toEqual(["denied", "failed", "failed", "failed", "failed", "failed"]);
  } finally {
    log.close();
  }
});

test("signing out ends the session", async ({ browser }) => {
  // Its own sign-in: signing out the shared admin state would sign every later test out with it.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, viewer);
  await expect(page.getByTestId("signed-in-as")).toContainText(`${viewer.email} viewer`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await context.close();
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageState.viewer });

  test("the caches page and its button are not offered", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("signed-in-as")).toContainText("viewer");
    await expect(page.getByRole("link", { name: "Caches" })).toHaveCount(0);

    await page.goto("/caches");
    await expect(page.getByRole("alert").filter({ hasText: "Only operators and admins" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Clear all caches" })).toHaveCount(0);
  });
});
