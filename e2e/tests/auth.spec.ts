import { get } from "node:http";
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

test("an API token minted by the admin answers the policies query docs/api.md documents over curl-style HTTP", async ({
  request,
  playwright,
  baseURL,
}) => {
  const minted = await request.post("/api/graphql", {
    data: { query: 'mutation { createApiToken(name: "e2e script", expires_in_days: 1) { token } }' },
  });
  const { token } = ((await minted.json()) as { data: { createApiToken: { token: string } } }).data.createApiToken;

  // A fresh context: no cookies, only the bearer token.
  const script = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const response = await script.post("/api/graphql", { data: { query: POLICIES } });
  const { data } = (await response.json()) as { data: { policies: { priority: number }[] } };
  expect(data.policies).toHaveLength(25);
  expect(data.policies[0]).toMatchObject({
    priority: 950,
    packets_matched: expect.any(Number),
    bytes_matched: expect.any(Number),
  });
  await script.dispose();
});

/** An account of its own for a test: locking or resetting the shared admin or viewer would sign every later test out. */
function ownAccount(email: string) {
  const account = { email, password: "the right password" };
  const { db, close } = openDatabase(databaseFile);
  try {
    createUser(db, { ...account, role: "viewer" });
  } finally {
    close();
  }
  return account;
}

function signInAudit(email: string) {
  const log = openDatabase(databaseFile);
  try {
    return listAuditLog(log.db, { target: `user:${email}` });
  } finally {
    log.close();
  }
}

test("repeated wrong passwords make the sign-in form wait, longer each time, audited", async ({ browser }) => {
  const account = ownAccount("slowed@e2e.test");
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/signin");
  const attempt = async (password: string) => {
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };

  // The form's own alert (Next's route announcer is one too); each check runs scrypt, slow on a busy machine.
  // Three failures are free, then each doubles the wait (1 s, 2 s, 4 s...): soon one lands inside it.
  const formError = page.locator("#signin-error");
  const messages: string[] = [];
  while (!messages.at(-1)?.startsWith("Too many") && messages.length < 12) {
    await attempt(`wrong password ${messages.length}`);
    await expect(formError).toHaveText(
      /^(Wrong email or password\.|Too many failed sign-ins\. Try again in \d+ seconds?\.)$/,
      { timeout: 15_000 },
    );
    messages.push((await formError.textContent())!);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }

  expect(messages.slice(0, 4)).toEqual(Array(4).fill("Wrong email or password."));
  expect(messages.at(-1)).toMatch(/^Too many failed sign-ins\./);
  await context.close();
  const outcomes = signInAudit(account.email).map((e) => e.outcome);
  expect(outcomes[0]).toBe("denied");
  expect(outcomes.filter((o) => o === "failed")).toHaveLength(messages.length - 1);
});

test("a sign-in is audited from the browser's own address, whatever X-Forwarded-For it sends", async ({ browser }) => {
  const account = ownAccount("spoofer@e2e.test");
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { "x-forwarded-for": "198.51.100.77", "x-real-ip": "198.51.100.78" },
  });
  const page = await context.newPage();

  await signIn(page, account);

  await context.close();
  expect(signInAudit(account.email)[0]).toMatchObject({ outcome: "success", details: { client: "127.0.0.1" } });
});

for (const [disguise, callbackUrl] of [
  // %09 is a tab: browsers drop it, so "/\t/evil.example" would be "//evil.example", another origin.
  ["a dropped tab", "/%09/evil.example"],
  // The URL parser removes the "." segment, which leaves "//evil.example".
  ["a dot segment", "%2F.%2F%2Fevil.example"],
]) {
  test(`a callback to another origin disguised by ${disguise} lands on the dashboard after sign-in`, async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto(`/signin?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByTestId("signed-in-as")).toContainText(admin.email, { timeout: 15_000 });
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await context.close();
  });
}

test("the sign-in route refuses a body over 64 KB with 413", async ({ request }) => {
  const response = await request.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: `email=${"a".repeat(100_000)}`,
  });

  expect(response.status()).toBe(413);
});

test("a password reset signs the user out of the session they had", async ({ browser, request }) => {
  const account = ownAccount("reset@e2e.test");
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, account);
  const { data } = (await (
    await request.post("/api/graphql", { data: { query: "{ users { id email } }" } })
  ).json()) as {
    data: { users: { id: string; email: string }[] };
  };
  const id = data.users.find((u) => u.email === account.email)!.id;

  const reset = await request.post("/api/graphql", {
    data: { query: `mutation { resetPassword(user_id: "${id}") { generated_password } }` },
  });
  expect(((await reset.json()) as { errors?: unknown }).errors).toBeUndefined();

  await page.reload();
  await expect(page).toHaveURL(/\/signin/);
  await context.close();
});

test("pages carry a nonce-based CSP and the other security headers, and the dashboard's scripts run under them", async ({
  page,
  request,
}) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) refused.push(message.text());
  });
  const response = await page.goto("/policies");
  const headers = response!.headers();

  const scripts = /script-src ([^;]*)/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(scripts).toMatch(/'nonce-[\w+/=]{16,}' 'strict-dynamic'/);
  expect(scripts).not.toContain("unsafe-inline");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  // The policies are fetched by the browser through Apollo Client: rows appear only if its scripts ran.
  await expect(page.getByRole("table", { name: "Policies" }).getByRole("row")).toHaveCount(26);
  expect(refused).toEqual([]);
  const api = await request.post("/api/graphql", { data: { query: "{ __typename }" } });
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
});

test("GraphQL answers carry the security headers Next gives its API routes", async ({ request }) => {
  const fromNext = (await request.get("/api/health")).headers();
  const graphql = (await request.post("/api/graphql", { data: { query: "{ __typename }" } })).headers();
  for (const name of [
    "content-security-policy",
    "x-frame-options",
    "x-content-type-options",
    "referrer-policy",
    "permissions-policy",
    "cross-origin-opener-policy",
  ]) {
    expect(fromNext[name], name).toBeTruthy();
    expect(graphql[name], name).toBe(fromNext[name]);
  }
});

test("without NEXTAUTH_URL, sign-in answers only a Host naming this server, and ignores X-Forwarded-Host", async ({
  baseURL,
}) => {
  const { hostname, port } = new URL(baseURL!);
  const status = (headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      get({ host: hostname, port, path: "/api/auth/csrf", headers }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      }).on("error", reject);
    });

  expect(await status({ host: `evil.example:${port}` })).toBe(421);
  expect(await status({ "x-forwarded-host": "evil.example" })).toBe(200);
  expect(await status({})).toBe(200);
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
