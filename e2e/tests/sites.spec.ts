import { expect, test } from "@playwright/test";

test("the sites page at /sites lists the demo network's sites with their status", async ({ page }) => {
  await page.goto("/sites");

  const table = page.getByRole("table", { name: "Sites" });
  await expect(table.getByRole("row")).toHaveCount(13); // header + 12 demo sites
  const atlanta = table.getByRole("row", { name: /Branch Atlanta/ });
  await expect(atlanta).toContainText("degraded");
  await expect(atlanta).toContainText("Atlanta, US");
});

test("the GraphQL endpoint answers the policies query docs/api.md documents shape", async ({ request }) => {
  const response = await request.post("/api/graphql", {
    data: { query: "{ policies { id priority name } }" },
  });

  expect(response.ok()).toBe(true);
  const { data } = (await response.json()) as { data: { policies: { priority: number; name: string }[] } };
  expect(data.policies).toHaveLength(25);
  expect(data.policies[0]).toMatchObject({ priority: 950, name: "VoIP media (EF)" });
  expect(data.policies.at(-1)).toMatchObject({ priority: 0, name: "Default (catch-all)" });
});
