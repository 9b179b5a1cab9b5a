import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase, openDatabase } from "@patronus/core/db";
import { createPolicy } from "@patronus/core/policies";
import { report } from "@patronus/core/testing";
import { storePolicyStats } from "@patronus/core/traffic/stats";
import { createApiToken, createUser } from "@patronus/core/users";

/**
 * Issue 12, "Performance": the GraphQL API's own cost. The built web app (src/main.ts, with the real
 * collector from source) answers the release note's query beside a bare Apollo Server 5 and plain
 * node:http reading the same SQLite file (api-baselines.ts), each in its own process, under
 * 10 keep-alive connections and a fixed number of requests. `next build` must have run (turbo's web
 * bench task builds first). Ports: BENCH_API_PORT and the four after it (default 3700).
 * BENCH_CPU_PROF=<dir> has the web process write a CPU profile there when it stops. BENCH_API_POLICIES=25
 * runs one size only. Each figure is printed with the host's load average while it was measured.
 */
const POLICIES_QUERY = "{ policies { id priority packets_matched bytes_matched } }";
const TYPENAME_QUERY = "{ __typename }";
const CONNECTIONS = 10;
// Rounds of a few seconds each: at 600 requests a round of 25 policies lasted under 2 s, and the JIT still
// warming moved CPU per request up to 2x between runs (bare Apollo 1.25 against 0.68 ms steady).
const SIZES = [
  { policies: 25, requests: 3_000 },
  { policies: 1_000, requests: 150 },
];
const WEB_DIR = fileURLToPath(new URL("../..", import.meta.url));
const COLLECTOR_MAIN = fileURLToPath(new URL("../../../collector/src/main.ts", import.meta.url));
/** What `npm start` runs for the dashboard (the package's start script). */
const WEB_MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const BASELINES = fileURLToPath(new URL("./api-baselines.ts", import.meta.url));
const PASSWORD = "bench-admin-password";
/** USER_HZ of /proc/<pid>/stat: 100 on every Linux this runs on (`getconf CLK_TCK`). */
const CLOCK_TICKS_PER_S = 100;
const SECRET = "api-bench-control-secret-0123456789";

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  /** The server process's CPU time (user + system, all its threads) per request; NaN where /proc is missing. */
  cpuMs: number;
  /** The host's 1-minute load average when the round ended: figures at different loads compare poorly. */
  load: number;
}

export async function run(): Promise<void> {
  const firstPort = Number(process.env.BENCH_API_PORT ?? 3700);
  const profileDir = process.env.BENCH_CPU_PROF;
  const only = process.env.BENCH_API_POLICIES;
  for (const size of SIZES.filter((s) => only === undefined || String(s.policies) === only)) {
    const dataDir = mkdtempSync(join(tmpdir(), "patronus-api-bench-"));
    const children: ChildProcess[] = [];
    try {
      const { file, token, email } = seed(dataDir, size.policies);
      const [webPort, controlPort, flowPort, apolloPort, httpPort] = [0, 1, 2, 3, 4].map((i) => firstPort + i);
      const shared = { PATRONUS_DATA_DIR: dataDir, PATRONUS_CONTROL_SECRET: SECRET, PATRONUS_LOG_LEVEL: "warn" };
      const collector = startChild(process.execPath, ["--import", "tsx", COLLECTOR_MAIN], {
        ...shared,
        PATRONUS_FLOW_BIND: "127.0.0.1",
        PATRONUS_FLOW_PORT: String(flowPort),
        PATRONUS_CONTROL_PORT: String(controlPort),
        PATRONUS_DEMO_TRAFFIC: "0",
      });
      const web = startChild(
        process.execPath,
        [...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []), ...["--import", "tsx", WEB_MAIN]],
        {
          ...shared,
          PORT: String(webPort),
          PATRONUS_COLLECTOR_URL: `http://127.0.0.1:${controlPort}`,
          PATRONUS_DEMO_METRICS_INTERVAL_MS: "0",
        },
      );
      const apollo = startChild(
        process.execPath,
        ["--import", "tsx", BASELINES, "apollo", file, String(apolloPort)],
        {},
      );
      const plainServer = startChild(
        process.execPath,
        ["--import", "tsx", BASELINES, "http", file, String(httpPort)],
        {},
      );
      children.push(collector, web, apollo, plainServer);
      const ours = `http://127.0.0.1:${webPort}/api/graphql`;
      const bare = `http://127.0.0.1:${apolloPort}/`;
      const plain = `http://127.0.0.1:${httpPort}/`;
      const tokenHeaders = { authorization: `Bearer ${token}` };
      await waitForPolicies(ours, tokenHeaders, size.policies, children);
      await waitForPolicies(bare, {}, size.policies, children);
      await waitForPolicies(plain, {}, size.policies, children);
      const cookieHeaders = { cookie: await signIn(`http://127.0.0.1:${webPort}`, email) };

      console.log(
        `\n${size.policies} policies, ${size.requests} requests over ${CONNECTIONS} connections, best of 2 rounds`,
      );
      // One discarded round per server first: a fresh process runs its first thousand requests unoptimised,
      // and whichever target came first would pay for that (the floor did: 2x its later CPU per request).
      for (const target of [
        { url: ours, headers: tokenHeaders, pid: web.pid },
        { url: bare, headers: {}, pid: apollo.pid },
        { url: plain, headers: {}, pid: plainServer.pid },
      ])
        await load(target, POLICIES_QUERY, size.requests);
      const floor = await best(
        [{ url: `http://127.0.0.1:${webPort}/api/health`, headers: {}, method: "GET", pid: web.pid }],
        "",
        size.requests,
      );
      line("a Next route, GET /api/health (does nothing)", floor[0]!);
      const floorCpu = floor[0]!.cpuMs;
      for (const query of [POLICIES_QUERY, TYPENAME_QUERY]) {
        const [baseline, http, byToken, bySession] = await best(
          [
            { url: bare, headers: {}, pid: apollo.pid },
            { url: plain, headers: {}, pid: plainServer.pid },
            { url: ours, headers: tokenHeaders, pid: web.pid },
            { url: ours, headers: cookieHeaders, pid: web.pid },
          ],
          query,
          size.requests,
        );
        console.log(`  ${query}`);
        line("bare Apollo Server 5", baseline!);
        line("plain node:http", http!);
        line("ours, API token", byToken!);
        line("ours, session cookie", bySession!);
        report(`  ours (token) / bare, req/s`, byToken!.perSecond, baseline!.perSecond, "req/s", ">= 0.5");
        report(`  ours (session) / bare, req/s`, bySession!.perSecond, baseline!.perSecond, "req/s", ">= 0.5");
        report(`  ours (token) / bare, CPU per request`, byToken!.cpuMs, baseline!.cpuMs, "ms", "the steadier figure");
        report(`  ours (session) / bare, CPU per request`, bySession!.cpuMs, baseline!.cpuMs, "ms");
        report(
          `  GET /api/health / ours (token), CPU per request`,
          floorCpu,
          byToken!.cpuMs,
          "ms",
          "a route that does nothing",
        );
        report(`  ours (token) p99 / bare p99`, byToken!.p99, baseline!.p99, "ms", "beside the bare server's");
        report(`  ours (session) p99 / bare p99`, bySession!.p99, baseline!.p99, "ms", "beside the bare server's");
      }
    } finally {
      await Promise.all(children.map(stop));
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

interface Target {
  url: string;
  headers: Record<string, string>;
  method?: "GET" | "POST";
  /** The process that serves `url`, whose CPU time the load reads. */
  pid?: number;
}

/**
 * Each target loaded twice, in order and then in reverse, keeping its faster round: on a host shared
 * with other work, a burst of load elsewhere then slows one round, not one target's only figure.
 */
async function best(targets: Target[], query: string, requests: number): Promise<Load[]> {
  const rounds: Load[][] = targets.map(() => []);
  for (const order of [targets.keys(), [...targets.keys()].reverse()]) {
    for (const i of order) rounds[i]!.push(await load(targets[i]!, query, requests));
  }
  return rounds.map((r) => r.reduce((a, b) => (b.perSecond > a.perSecond ? b : a)));
}

function line(label: string, { perSecond, p50, p99, cpuMs, load }: Load): void {
  console.log(
    `    ${label.padEnd(24)} ${perSecond.toFixed(0).padStart(6)} req/s  p50 ${p50.toFixed(1).padStart(7)} ms  p99 ${p99.toFixed(1).padStart(7)} ms  CPU ${cpuMs.toFixed(2).padStart(5)} ms/req  load ${load.toFixed(1)}`,
  );
}

/**
 * CPU time `pid` has used, in ms, from /proc (Linux). Under a loaded host, throughput moves with what
 * else runs, but the CPU a server spends per request moves much less: the steadier figure to compare.
 */
function cpuTimeMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return NaN;
  }
}

/** A fresh database: `count` policies with a snapshot each, an admin with a password and an API token. */
function seed(dataDir: string, count: number): { file: string; token: string; email: string } {
  const file = join(dataDir, "patronus.db");
  const { db, close } = openDatabase(file);
  try {
    migrateDatabase(db);
    for (let i = 0; i < count; i++) {
      createPolicy(db, {
        name: `bench policy ${i}`,
        priority: i % 1001,
        match_rules: { destination_ports: [{ from: 1000 + i, to: 1000 + i }], protocols: [6] },
      });
    }
    const at = Date.now();
    storePolicyStats(db, {
      at,
      stats: Array.from({ length: count }, (_, i) => ({
        policy_id: i + 1,
        packets_matched: 1_000 * (i + 1),
        bytes_matched: 1_500_000 * (i + 1),
        active_flows: i % 7,
      })),
    });
    const email = "bench@patronus.test";
    const user = createUser(db, { email, password: PASSWORD, role: "admin" });
    const { token } = createApiToken(db, { actor: "bench", userId: user.id, name: "bench" });
    return { file, token, email };
  } finally {
    close();
  }
}

function startChild(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd: WEB_DIR, env: { ...process.env, ...env }, detached: true, stdio: "pipe" });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(chunk.toString());
    if (tail.length > 50) tail.shift(); // bounded: only the tail explains a failure
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.once("exit", (code) => {
    if (code !== null && code !== 0) console.error(`${command} ${args.join(" ")} exited ${code}:\n${tail.join("")}`);
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.removeAllListeners("exit"); // its exit is ours now, not a failure to report
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM"); // the group: anything a server started goes with it
  } catch {
    return;
  }
  await exited;
}

/** Polls until `url` answers the policies query with `count` policies; throws if a server died or 120 s pass. */
async function waitForPolicies(
  url: string,
  headers: Record<string, string>,
  count: number,
  children: ChildProcess[],
): Promise<void> {
  const deadline = Date.now() + 120_000;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (children.some((c) => c.exitCode !== null)) throw new Error(`a server exited before ${url} was ready`);
    try {
      const { status, body } = await send({ url, headers }, POLICIES_QUERY);
      const policies = (JSON.parse(body) as { data?: { policies?: unknown[] } }).data?.policies;
      if (status === 200 && policies?.length === count) return;
      last = `${status} ${body.slice(0, 200)}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500)); // a poll interval, not a synchronisation
  }
  throw new Error(`${url} not ready: ${last}`);
}

/** Signs in through next-auth's credentials flow, as the sign-in page does; returns the Cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.join("; "), origin: base },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed: ${response.status}`);
  return session.split(";")[0]!;
}

/**
 * The connections of the current load. Each load opens its own: a kept-alive socket left idle past the
 * server's keep-alive timeout (5 s) while another target was loaded could be closed just as it is reused.
 */
let agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function send({ url, headers, method = "POST" }: Target, query: string): Promise<{ status: number; body: string }> {
  const payload = method === "POST" ? JSON.stringify({ query }) : "";
  const sent =
    method === "POST" ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {};
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: { ...headers, ...sent } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end(payload);
  });
}

/** `total` requests over CONNECTIONS loops after a warm-up; every answer must be a 200 without errors. */
async function load(target: Target, query: string, total: number): Promise<Load> {
  const timed = async () => {
    const sent = performance.now();
    const { status, body } = await send(target, query);
    if (status !== 200 || body.includes('"errors"'))
      throw new Error(`${target.url} answered ${status}: ${body.slice(0, 300)}`);
    return performance.now() - sent;
  };
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  for (let i = 0; i < 2 * CONNECTIONS; i++) await timed();
  const times: number[] = [];
  const cpuBefore = cpuTimeMs(target.pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      for (let i = c; i < total; i += CONNECTIONS) times.push(await timed());
    }),
  );
  const elapsed = performance.now() - started;
  const cpuMs = (cpuTimeMs(target.pid) - cpuBefore) / total;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { perSecond: (total / elapsed) * 1000, p50: at(0.5), p99: at(0.99), cpuMs, load: loadavg()[0]! };
}
