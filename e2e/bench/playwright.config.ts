import { defineConfig } from "@playwright/test";
import e2e from "../playwright.config";

/**
 * `pnpm bench` in e2e: the same web server, collector and signed-in admin as the e2e run, running the
 * *.bench.ts files, which print figures and assert nothing about time.
 */
export default defineConfig({
  ...e2e,
  testDir: "..",
  reporter: [["list"]],
  projects: [
    { name: "auth", testMatch: /tests\/auth\.setup\.ts/ },
    {
      name: "bench",
      testMatch: /bench\/.*\.bench\.ts/,
      dependencies: ["auth"],
      use: e2e.projects?.find((p) => p.name === "chromium")?.use,
    },
  ],
});
