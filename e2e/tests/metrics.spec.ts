import { expect, test, type APIRequestContext } from "@playwright/test";

/** A sample of the web app's /metrics (this test runs on loopback, which needs no token), 0 when absent. */
async function sample(request: APIRequestContext, series: string): Promise<number> {
  const response = await request.get("/metrics");
  expect(response.status()).toBe(200);
  const line = (await response.text()).split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

test("a refused sign-in moves the web app's sign-in counter", async ({ browser, request }) => {
  const series = 'patronus_sign_ins_total{outcome="wrong_credentials"}';
  const before = await sample(request, series);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();

  await page.goto("/signin");
  await page.getByLabel("Email").fill("nobody-metrics@e2e.test");
  await page.getByLabel("Password").fill("not a password anyone has");
  await page.getByRole("button", { name: "Sign in" }).click();
  // The form's own alert (Next's route announcer is an empty one); scrypt makes the answer slow on purpose.
  await expect(page.locator("#signin-error")).toBeVisible({ timeout: 15_000 });

  expect(await sample(request, series)).toBe(before + 1);
  await context.close();
});

test("a named GraphQL query is counted under its name", async ({ request }) => {
  const series = 'patronus_graphql_operations_total{operation="MetricsProbe",type="query",outcome="ok"}';
  const before = await sample(request, series);

  const response = await request.post("/api/graphql", { data: { query: "query MetricsProbe { sites { id } }" } });
  expect(response.ok()).toBe(true);

  expect(await sample(request, series)).toBe(before + 1);
});
