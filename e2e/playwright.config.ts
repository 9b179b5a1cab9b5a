import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

/** Everything the e2e run starts lives here, recreated by the web server command on every run. */
export const dataDir = fileURLToPath(new URL("./.data", import.meta.url));
export const databaseFile = join(dataDir, "patronus.db");
export const admin = { email: "admin@e2e.test", password: "e2e-admin-password" };
/** Created by tests/auth.setup.ts, which signs both in and saves their cookies here. */
export const viewer = { email: "viewer@e2e.test", password: "e2e-viewer-password" };
export const storageState = {
  admin: join(dataDir, "auth", "admin.json"),
  viewer: join(dataDir, "auth", "viewer.json"),
};

/** The web server's port; the collector's flow and control ports follow it. Set it to run two checkouts at once. */
const port = Number(process.env.PATRONUS_E2E_PORT ?? 3107);
export const flowPort = port + 1;
const controlPort = port + 2;
const controlSecret = "e2e-control-secret-0123456789";
const chromium = process.env.PATRONUS_CHROMIUM ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./tests",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [["list"], ["json", { outputFile: ".reports/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "auth", testMatch: /auth\.setup\.ts/ },
    // Signed in as the admin unless a test says otherwise (test.use({ storageState: ... })).
    { name: "chromium", dependencies: ["auth"], use: { storageState: storageState.admin } },
  ],
  webServer: [
    {
      // A fresh database each run: migrated, seeded with the demo network, with a known admin.
      command: `rm -rf ${dataDir} && pnpm --filter @patronus/core run setup && pnpm --filter @patronus/web run start`,
      // Alive, not ready: the collector starts after the web server (GET /api/ready waits for both).
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(port),
        PATRONUS_DATA_DIR: dataDir,
        PATRONUS_ADMIN_EMAIL: admin.email,
        PATRONUS_ADMIN_PASSWORD: admin.password,
        PATRONUS_COLLECTOR_URL: `http://127.0.0.1:${controlPort}`,
        PATRONUS_CONTROL_SECRET: controlSecret,
        // No demo metrics feed: paths.spec.ts posts its own and checks the figures it sent.
        PATRONUS_DEMO_METRICS_INTERVAL_MS: "0",
      },
    },
    {
      // Started after the web server, so the database exists; no demo traffic, so counts are exact.
      command: "pnpm --filter @patronus/collector run start",
      url: `http://127.0.0.1:${controlPort}/status`, // 401 without the secret, which is ready enough
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PATRONUS_DATA_DIR: dataDir,
        PATRONUS_FLOW_BIND: "127.0.0.1",
        PATRONUS_FLOW_PORT: String(flowPort),
        PATRONUS_CONTROL_PORT: String(controlPort),
        PATRONUS_CONTROL_SECRET: controlSecret,
        PATRONUS_DEMO_TRAFFIC: "0",
        // Flows only from 127.0.0.1, so a test can play an unknown exporter from 127.0.0.2.
        PATRONUS_FLOW_ALLOW_LOOPBACK: "0",
        PATRONUS_FLOW_EXPORTERS: "127.0.0.1/32",
        // Snapshots every second, so a test waits about that long for traffic to reach the history.
        PATRONUS_SNAPSHOT_INTERVAL_MS: "1000",
      },
    },
  ],
});
