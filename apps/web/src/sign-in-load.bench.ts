/**
 * `pnpm --filter @patronus/web bench sign-in` (after `next build`): p99 of a `policies` query against a real
 * dashboard process (src/main.ts) while 20 wrong-password sign-ins run, beside the p99 with none, in the same run. Before
 * hashing moved off the event loop, each sign-in stalled every other request for its whole scrypt.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase, openDatabase } from "@patronus/core/db";
import { seedDemoNetwork } from "@patronus/core/seed";
import { report } from "@patronus/core/testing";
import { createApiToken, createUser } from "@patronus/core/users";

const SIGN_INS = 20;
const BASELINE_QUERIES = 1_000;
const QUERY = JSON.stringify({ query: "{ policies { id name priority } }" });
const webDir = fileURLToPath(new URL("..", import.meta.url));

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const p99 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.ceil(times.length * 0.99) - 1]!;

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "patronus-bench-"));
  const { db, close } = openDatabase(join(dataDir, "patronus.db"));
  migrateDatabase(db);
  seedDemoNetwork(db);
  const viewer = createUser(db, { email: "bench@example.com", password: "bench password!!", role: "viewer" });
  const { token } = createApiToken(db, { actor: "bench", userId: viewer.id, name: "bench" });
  close();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // What `npm start` runs for the dashboard (the package's start script).
  const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: webDir,
    env: {
      ...process.env,
      PORT: String(port),
      PATRONUS_DATA_DIR: dataDir,
      PATRONUS_COLLECTOR_URL: `http://127.0.0.1:${await freePort()}`,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    await waitUntilServing(base);
    const query = async () => {
      const start = performance.now();
      const response = await fetch(`${base}/api/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: QUERY,
      });
      if (!response.ok) throw new Error(`policies query: HTTP ${response.status}`);
      await response.arrayBuffer();
      return performance.now() - start;
    };
    for (let i = 0; i < 50; i++) await query();

    // The baseline is taken half before and half after the sign-ins, so drift in a shared host's load
    // falls on both sides of the ratio.
    const quiet: number[] = [];
    for (let i = 0; i < BASELINE_QUERIES / 2; i++) quiet.push(await query());

    const busy: number[] = [];
    let signingIn = true;
    const signIns = Promise.all(
      Array.from({ length: SIGN_INS }, (_, i) => wrongSignIn(base, `guess${i}@example.com`)),
    ).finally(() => {
      signingIn = false;
    });
    while (signingIn) busy.push(await query());
    const statuses = await signIns;
    for (let i = 0; i < BASELINE_QUERIES / 2; i++) quiet.push(await query());

    console.log(
      `${SIGN_INS} sign-ins (HTTP ${[...new Set(statuses)].join(", ")}); ${busy.length} queries while they ran, ${quiet.length} without`,
    );
    report("policies query p99 while 20 sign-ins run", p99(busy), p99(quiet), "ms", "<= 1.5");
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    await once(server, "exit");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A credentials sign-in as the form makes it (CSRF token and cookie first); resolves with its HTTP status. */
async function wrongSignIn(base: string, email: string): Promise<number> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password: "not the password", json: "true" }),
    redirect: "manual",
  });
  await response.arrayBuffer();
  return response.status;
}

async function waitUntilServing(base: string) {
  for (let i = 0; i < 1_800; i++) {
    try {
      if ((await fetch(`${base}/signin`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the dashboard did not answer within 3 minutes");
}
