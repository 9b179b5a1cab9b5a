import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createCollectorClient, type CollectorClient } from "@patronus/core/traffic/control";
import { bundle } from "../bin/build";
import { testEnvVars, testSecret } from "./harness";

/** The sidecar as `npm start` runs it: the esbuild bundle under plain node. */
export const SIDECAR = fileURLToPath(new URL("../../dist/main.mjs", import.meta.url));

export interface Sidecar {
  child: ChildProcess;
  client: CollectorClient;
  flowPort: number;
  stop(): Promise<void>;
}

/**
 * Bundles and starts the sidecar on `dataDir` with a test environment (plus `env`), and waits for its
 * start-up line, which names the ports it bound. For the benches that measure the process as it ships.
 */
export async function startSidecar(dataDir: string, env: Record<string, string> = {}): Promise<Sidecar> {
  await bundle("src/main.ts", SIDECAR);
  const child = spawn(process.execPath, [SIDECAR], {
    env: { ...process.env, ...testEnvVars(dataDir, env) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("control on")) resolve(out);
    });
    child.once("exit", (code) => reject(new Error(`the sidecar exited (${code}) before it started: ${out}`)));
  });
  const flowPort = Number(/flows on udp [^ ]+:(\d+)/.exec(line)?.[1]);
  const controlUrl = /control on (http:\/\/[^ ,]+)/.exec(line)?.[1];
  if (!flowPort || !controlUrl) throw new Error(`unexpected start-up line: ${line}`);
  return {
    child,
    flowPort,
    client: createCollectorClient({ url: controlUrl, secret: testSecret }),
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A process's resident memory from /proc (what `top` shows), in bytes. */
export function rssOf(child: ChildProcess): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1];
  if (kb === undefined) throw new Error("no VmRSS in /proc status");
  return Number(kb) * 1024;
}
