import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";

const webDir = fileURLToPath(new URL("../../apps/web", import.meta.url));

const running = new Set<ChildProcess>();
// One that never ends by itself fails its test on Playwright's timeout; it is stopped here either way.
test.afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
});

/** Starts the web process as `npm start` does (src/main.ts) and waits for it to end by itself. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "patronus-main-"));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: webDir,
      env: { ...process.env, PATRONUS_DATA_DIR: dataDir, PATRONUS_DEMO_METRICS_INTERVAL_MS: "0", ...env },
    });
    running.add(child);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      running.delete(child);
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

test.describe("the web process (src/main.ts) that fails to start", () => {
  test("exits non-zero and names the port when its port is in use", async ({ baseURL }) => {
    // The e2e web server itself holds this port.
    const { code, output } = await runMain({ PORT: new URL(baseURL!).port });

    expect(output).toContain("EADDRINUSE");
    // `next start` exits 1 here; a supervisor (systemd Restart=on-failure) must see the failure.
    expect(code).toBe(1);
  });

  test("exits non-zero on an invalid environment", async () => {
    const { code, output } = await runMain({ PORT: "0", PATRONUS_DEMO_METRICS_INTERVAL_MS: "5" });

    expect(output).toContain("PATRONUS_DEMO_METRICS_INTERVAL_MS");
    expect(code).toBe(1);
  });
});
