import { expect, test } from "@playwright/test";
import { storageState } from "../playwright.config";

const CHARTS = ["Packets per second", "Bytes per second", "Active flows"];

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, storageState: storageState.admin });

  test("the traffic page's HTML carries its three charts drawn, so they show before any script runs", async ({
    page,
  }) => {
    await page.goto("/traffic");
    for (const name of CHARTS) {
      const line = page.getByRole("figure", { name }).locator(".chart-sketch .line");
      await expect(line).toBeVisible();
      // The demo's day of snapshots: a curve through many points, not a stub.
      expect(((await line.getAttribute("d")) ?? "").split(/[LC]/).length).toBeGreaterThan(50);
    }
  });

  test("a policy's page comes whole in its HTML: its rules, counters and drawn charts show before any script runs", async ({
    page,
  }) => {
    await page.goto("/policies/1");
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("");
    await expect(page.getByText("Loading the policy")).toHaveCount(0);
    await expect(page.getByTestId("rules-text")).not.toBeEmpty();
    const facts = page.getByRole("definition");
    await expect(page.getByLabel("Policy facts")).toContainText("Packets");
    expect(await facts.count()).toBeGreaterThanOrEqual(8);
    for (const name of CHARTS) {
      await expect(page.getByRole("figure", { name }).locator(".chart-sketch .line")).toBeVisible();
    }
  });
});

test("the server-drawn time axis says what the interactive chart then says, in the reader's locale and zone", async ({
  browser,
}) => {
  const context = await browser.newContext({
    storageState: storageState.admin,
    locale: "de-DE",
    timezoneId: "Asia/Kolkata",
  });
  const page = await context.newPage();
  await page.goto("/traffic");
  // The first page tells the server the browser's clock; the next one is drawn in it.
  await expect
    .poll(async () =>
      decodeURIComponent((await context.cookies()).find((c) => c.name === "patronus-clock")?.value ?? ""),
    )
    // Chromium may still call Kolkata by its old name, Calcutta.
    .toMatch(/^de-DE\|Asia\/(Kolkata|Calcutta)$/);
  const response = await page.goto("/traffic?range=7d");
  const html = await response!.text();
  const sketched = [...html.matchAll(/class="x-tick"[^>]*>([^<]*)</g)].map((m) => m[1]!);
  // Three charts, the same axis each.
  const axis = sketched.slice(0, sketched.length / 3);
  expect(axis.length).toBeGreaterThanOrEqual(6);

  const packets = page.getByRole("figure", { name: CHARTS[0] });
  await expect(packets.locator(".recharts-line-curve")).toBeVisible();
  await expect(packets.locator(".chart-sketch")).toHaveCount(0);
  // recharts drops an end label that would cross the plot's edge; the sketch places them all.
  const interactive = packets.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
  await expect(interactive).not.toHaveCount(0);
  const shown = await interactive.allTextContents();
  const start = axis.indexOf(shown[0]!);
  expect(start).toBeLessThanOrEqual(1);
  expect(shown.length).toBeGreaterThanOrEqual(axis.length - 2);
  expect(shown).toEqual(axis.slice(start, start + shown.length));
  await context.close();
});
