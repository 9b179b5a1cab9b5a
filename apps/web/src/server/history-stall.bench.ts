import { createServer, get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg } from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { openDatabase } from "@patronus/core/db";
import { report } from "@patronus/core/testing";
import { benchHistoryDb, NOW } from "@patronus/core/traffic/stats/bench-history-db";
import type { User } from "@patronus/core/users";
import { graphqlClient } from "./graphql/test-client";
import { closeHistoryPools, historyPoolOf, readInThread, readTrafficHistory } from "./history-pool";
import type { HistoryRequest } from "./history-protocol";

const DAY = 86_400_000;
/** Runs of each view on the threads; the figure is their median. The in-thread baseline runs once. */
const ROUNDS = 3;
const TARGET_MS = 50;
const viewer = { id: 1, email: "bench@example.com", role: "viewer" } as User;

const POINT = "at packets bytes packets_per_second bytes_per_second active_flows samples";
/** What the /traffic page asks for (traffic-history.tsx): totals only. */
const TOTALS = `query ($from: Float!, $to: Float!) { traffic_history(from: $from, to: $to) { from to step_ms points { ${POINT} } } }`;
/** What the overview asks for (overview.tsx): its top 5 policies and the rest summed. */
const BY_POLICY = (top: number, buckets: number) => `query ($from: Float!, $to: Float!) {
  traffic_history(from: $from, to: $to, max_buckets: ${buckets}, top_policies: ${top}) {
    from to step_ms points { ${POINT} }
    by_policy { policy_id name points { ${POINT} } } other_policies { policies points { ${POINT} } }
  }
}`;
const SPARKLINES = `{ policy_sparklines(minutes: 15) { from step_ms policies { policy_id packets_per_second } } }`;

interface View {
  label: string;
  query: string;
  from: number;
  /** The same read in-thread, the baseline; undefined: the previous view's baseline stands. */
  baseline?: HistoryRequest;
}

/**
 * The longest a trivial request to a real HTTP server in this process waits while a history view loads
 * through the real GraphQL server (reader thread, Apollo's execution and the answer's JSON), beside the
 * same read in-thread, on the shared 1,000-policy bench database (core's bench-history-db.ts). Issue 13:
 * no database work may hold the web server's event loop over 50 ms. The probe is a real HTTP GET sent as
 * soon as the last one answered; the event loop's own longest delay (perf_hooks) is printed beside it.
 */
export async function run(): Promise<void> {
  const shared = benchHistoryDb();
  const handle = openDatabase(shared.file, { readonly: true });
  const server = await listen();
  const execute = graphqlClient(handle.db);
  // The resolvers read the clock: the bench database ends at NOW.
  const realNow = Date.now;
  Date.now = () => NOW;
  try {
    console.log(
      `load average at start: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} (a shared host)`,
    );
    // A year over every policy reads for longer than the server's 30 s limit on a loaded host.
    historyPoolOf(shared.file, { timeoutMs: 600_000 });
    // The thread boots (tsx compiles core) before anything is timed.
    await readTrafficHistory(handle.db, { kind: "sparklines", params: { now: NOW, minutes: 1 } });
    const views: View[] = [];
    for (const [span, range] of [
      ["30 d", 30 * DAY],
      ["1 y", 365 * DAY],
    ] as const) {
      const params = { from: NOW - range, to: NOW };
      views.push(
        { label: `${span} totals`, query: TOTALS, from: params.from, baseline: { kind: "totals", params } },
        {
          label: `${span} top 5 + other (overview)`,
          query: BY_POLICY(5, 91),
          from: params.from,
          baseline: { kind: "with_policies", params: { ...params, maxBuckets: 91 } },
        },
      );
      if (span === "30 d")
        views.push({ label: `${span} top 20 x 200 buckets (the cap)`, query: BY_POLICY(20, 200), from: params.from });
    }
    views.push({
      label: "sparklines, 1,000 policies",
      query: SPARKLINES,
      from: NOW,
      baseline: { kind: "sparklines", params: { now: NOW, minutes: 15 } },
    });

    let baseline = { stallMs: NaN, loopMs: NaN, busyMs: NaN, readMs: NaN };
    for (const view of views) {
      if (view.baseline) {
        const request = view.baseline;
        baseline = await stallDuring(server, () => Promise.resolve().then(() => readInThread(handle.db, request)));
      }
      const runs: Stall[] = [];
      for (let i = 0; i < ROUNDS; i++)
        runs.push(await stallDuring(server, () => answer(execute, view.query, view.from)));
      const median = (pick: (r: Stall) => number) => runs.map(pick).sort((a, b) => a - b)[1]!;
      report(
        `longest request wait, ${view.label}`,
        median((r) => r.stallMs),
        baseline.stallMs,
        "ms",
        `< ${TARGET_MS} ms`,
      );
      console.log(
        `  event loop's longest delay ${median((r) => r.loopMs).toFixed(0)} ms (in-thread ${baseline.loopMs.toFixed(0)}),` +
          ` busy ${median((r) => r.busyMs).toFixed(0)} ms in all (in-thread ${baseline.busyMs.toFixed(0)});` +
          ` view answered in ${median((r) => r.readMs).toFixed(0)} ms (in-thread read ${baseline.readMs.toFixed(0)}); vs target ${(median((r) => r.stallMs) / TARGET_MS).toFixed(2)}`,
      );
    }
    console.log(
      `load average at end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
  } finally {
    Date.now = realNow;
    await closeHistoryPools();
    server.close();
    handle.close();
  }
}

/** One view through the real GraphQL server, serialised as the HTTP route would. */
async function answer(execute: ReturnType<typeof graphqlClient>, query: string, from: number): Promise<void> {
  const result = await execute(query, { user: viewer, variables: { from, to: NOW } });
  if (result.errors) throw new Error(result.errors[0]!.message);
  JSON.stringify(result);
}

function listen(): Promise<Server> {
  const server = createServer((_, res) => res.end("ok"));
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

type Stall = Awaited<ReturnType<typeof stallDuring>>;

/** How often the probe sends its GET: paced, so the probe itself does not keep the loop busy. */
const PROBE_EVERY_MS = 10;

/**
 * A GET due every PROBE_EVERY_MS while `load` runs; the longest wait is from when a GET was due (not when
 * a held loop got round to sending it) to its answer. Beside it the event loop's longest delay
 * (perf_hooks) and its busy time in all (event-loop utilisation).
 */
async function stallDuring(
  server: Server,
  load: () => Promise<unknown>,
): Promise<{ stallMs: number; loopMs: number; busyMs: number; readMs: number }> {
  const { port } = server.address() as AddressInfo;
  let stallMs = 0;
  const waits: Promise<void>[] = [];
  const send = (due: number) =>
    waits.push(
      new Promise<void>((resolve, reject) =>
        get({ port, host: "127.0.0.1", path: "/", agent: false }, (res) => res.resume().on("end", resolve)).on(
          "error",
          reject,
        ),
      ).then(() => void (stallMs = Math.max(stallMs, performance.now() - due))),
    );
  let due = performance.now();
  let probe: NodeJS.Timeout | undefined;
  const tick = () => {
    send(due);
    due += PROBE_EVERY_MS;
    probe = setTimeout(tick, Math.max(0, due - performance.now()));
  };
  // The probe's first request goes out before the read starts: wait for its answer.
  await new Promise<void>((resolve) => get({ port, host: "127.0.0.1", path: "/", agent: false }, () => resolve()));
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  // The monitor drops its first sample: a hold before its second timer would go unseen (the in-thread reads).
  await new Promise((resolve) => setTimeout(resolve, 12));
  due = performance.now();
  tick();
  const busy = performance.eventLoopUtilization();
  const started = performance.now();
  await load();
  const readMs = performance.now() - started;
  clearTimeout(probe);
  await Promise.all(waits);
  loop.disable();
  // Time the loop spent running callbacks, probes' included: no single hold can be longer than all of it.
  const busyMs = performance.eventLoopUtilization(busy).active;
  return { stallMs, loopMs: loop.max / 1e6, busyMs, readMs };
}
