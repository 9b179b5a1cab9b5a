import { createServer, type Server } from "node:http";
import { createPolicy } from "@patronus/core/policies";
import { createCollectorClient } from "@patronus/core/traffic/control";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWebTestFixture, type WebTestFixture } from "./graphql/test-fixture";
import { LIVE_STATS_SHARE_MS, shareLiveStats } from "./shared-stats";

/**
 * A stand-in collector on a real socket: GET /stats (counted) and /stats/1 answer `packets` for policy 1,
 * POST /reset zeroes it; `down` drops every connection, as a stopped collector would.
 */
async function standInCollector() {
  const state = { packets: 10, reads: 0, down: false };
  const server: Server = createServer((req, res) => {
    if (state.down) return void req.socket.destroy();
    if (req.url === "/reset") {
      state.packets = 0;
      return void res.end(JSON.stringify({ reset: true }));
    }
    const policy = {
      policy_id: 1,
      packets_matched: state.packets,
      bytes_matched: 0,
      active_flows: 0,
      first_seen: 1,
      last_updated: 1,
    };
    if (req.url === "/stats/1") return void res.end(JSON.stringify(policy));
    state.reads++;
    const totals = { packets: state.packets, bytes: 0, active_flows: 0 };
    res.end(JSON.stringify({ policies: [policy], totals, at: 1 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const client = createCollectorClient({ url: `http://127.0.0.1:${port}`, secret: "s".repeat(24) });
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { state, client, close };
}

let collector: Awaited<ReturnType<typeof standInCollector>>;
let clock: number;
let f: WebTestFixture;
beforeEach(async () => {
  collector = await standInCollector();
  clock = 1_000;
  f = createWebTestFixture({ collector: shareLiveStats(collector.client, { now: () => clock }) });
  createPolicy(f.t.db, { name: "web", priority: 10 });
});
afterEach(async () => {
  f.t.destroy();
  await collector.close();
});

const packets = async () => {
  const { data, errors } = await f.execute<{ policies: { packets_matched: number }[] }>(
    "{ policies { packets_matched } }",
    { user: f.users.viewer },
  );
  expect(errors).toBeUndefined();
  return data!.policies[0]!.packets_matched;
};

describe("live counters shared across requests", () => {
  it("two concurrent policies queries make one collector read", async () => {
    expect(await Promise.all([packets(), packets()])).toEqual([10, 10]);
    expect(collector.state.reads).toBe(1);
  });

  it("serve a read only within the window from its start, then read the moved counters", async () => {
    await packets();
    collector.state.packets = 25;
    clock += LIVE_STATS_SHARE_MS - 1;
    expect(await packets()).toBe(10);
    clock += 1;
    expect(await packets()).toBe(25);
    expect(collector.state.reads).toBe(2);
  });

  it("read afresh after a reset through the same client, so nobody sees counters from before it", async () => {
    await packets();
    const { errors } = await f.execute('mutation { resetPolicyCounters(policy_id: "1") { reset } }', {
      user: f.users.operator,
    });
    expect(errors).toBeUndefined();
    expect(await packets()).toBe(0);
  });

  it("keep no failed read: the next request asks the collector again", async () => {
    collector.state.down = true;
    const down = await f.execute<{ traffic_stats: { source: string } }>("{ traffic_stats { source } }", {
      user: f.users.viewer,
    });
    expect(down.data?.traffic_stats.source).toBe("snapshot");
    collector.state.down = false;
    expect(await packets()).toBe(10);
  });

  it("reach the policies list's counters asked through a fragment, an inline fragment or an alias", async () => {
    const { data, errors } = await f.execute<{ policies: { p: number; b: number }[] }>(
      "{ policies { ...Counts ... on Policy { b: bytes_matched } } } fragment Counts on Policy { p: packets_matched }",
      { user: f.users.viewer },
    );
    expect(errors).toBeUndefined();
    expect(data!.policies).toEqual([{ p: 10, b: 0 }]);
    expect(collector.state.reads).toBe(1);
  });
});
