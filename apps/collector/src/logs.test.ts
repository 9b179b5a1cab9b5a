import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { bundle } from "./bin/build";
import { createDataDir, testEnvVars } from "./testing/harness";

// Beside dist/, as bundle.test.ts explains: the native modules are found from the bundle's folder.
const outDir = fileURLToPath(new URL("../.test-dist-logs", import.meta.url));

let data: ReturnType<typeof createDataDir> | undefined;
afterEach(() => {
  data?.cleanup();
  rmSync(outDir, { recursive: true, force: true });
});

describe("the collector's logs", () => {
  it("are one JSON object a line on stdout under NODE_ENV=production, from start to stop", async () => {
    await bundle("src/main.ts", join(outDir, "main.mjs"));
    data = createDataDir([]);
    const child = spawn(process.execPath, [join(outDir, "main.mjs")], {
      env: { ...process.env, ...testEnvVars(data.dir), NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", () => out.includes("control on") && resolve());
      void exited.then(() => reject(new Error(`collector exited early: ${out}`)));
    });

    // The start-up line is written just before main.ts installs its SIGTERM handler: one answered request
    // later, it is installed.
    const controlUrl = /control on (http:\/\/[\d.:]+)/.exec(out)![1]!;
    expect((await fetch(`${controlUrl}/metrics`)).status).toBe(200);
    child.kill("SIGTERM");
    await exited;

    const lines = out
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of lines)
      expect(line).toMatchObject({ time: expect.any(String), level: "info", component: expect.any(String) });
    expect(lines.find((l) => String(l.msg).includes("control on"))).toMatchObject({
      component: "collector",
      control_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    expect(lines.at(-1)).toMatchObject({ component: "collector", msg: expect.stringMatching(/^collector stopped/) });
  });
});
