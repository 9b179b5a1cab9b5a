import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCollectorClient } from "@patronus/core/traffic/control";
import { afterEach, describe, expect, it } from "vitest";
import { bundle } from "./bin/build";
import { createDataDir, testEnvVars, testSecret } from "./testing/harness";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url)).replace(/\/$/, "");
// Beside dist/ rather than in /tmp: the native modules stay outside the bundle and are found from
// its folder, as apps/collector/dist/main.mjs finds them.
const outDir = fileURLToPath(new URL("../.test-dist", import.meta.url));

let data: ReturnType<typeof createDataDir> | undefined;
let elsewhere: string | undefined;
afterEach(() => {
  data?.cleanup();
  if (elsewhere) rmSync(elsewhere, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

describe("the collector bundle", () => {
  it("holds no path of the machine that built it", async () => {
    await bundle("src/main.ts", join(outDir, "main.mjs"));

    expect(readFileSync(join(outDir, "main.mjs"), "utf8")).not.toContain(repoRoot);
  });

  it("migrates a new database and serves its status when started from another directory", async () => {
    await bundle("src/main.ts", join(outDir, "main.mjs"));
    data = createDataDir([]);
    rmSync(join(data.dir, "patronus.db")); // a data directory with no database yet: the bundle must migrate one
    data.close();
    elsewhere = mkdtempSync(join(tmpdir(), "patronus-elsewhere-"));

    const child = spawn(process.execPath, [join(outDir, "main.mjs")], {
      cwd: elsewhere,
      env: { ...process.env, ...testEnvVars(data.dir) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        const take = (chunk: Buffer) => {
          out += chunk.toString();
          const found = /control on (http:\/\/[\d.:]+)/.exec(out);
          if (found) resolve(found[1]!);
        };
        child.stdout.on("data", take);
        child.stderr.on("data", take);
        child.once("exit", (code) => reject(new Error(`bundle exited with ${code}: ${out}`)));
      });
      const status = await createCollectorClient({ url: line, secret: testSecret }).status();
      expect(status.policies).toBe(1); // the unmatched bucket: the database opened and migrated
    } finally {
      child.kill("SIGTERM");
    }
  });
});
