import { createCollectorClient, CollectorProtocolError, type PreviewPolicy } from "@patronus/core/traffic/control";
import { TrafficStatsCollector } from "@patronus/core/traffic/engine";
import { flowKey, PolicyMatcher } from "@patronus/core/traffic/match";
import { createSocket } from "node:dgram";
import { buildIpfixPacket, flowDataSet, IPFIX_IPV4_TEMPLATE } from "@patronus/core/flows";
import { listPolicies } from "@patronus/core/policies";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startCollector } from "./collector";
import { createDataDir, testEnv } from "./testing/harness";
import { startControlServer, type ControlHandlers } from "./control-server";
import { createPreviewHandler } from "./preview";

// The preview endpoint over real HTTP, answered by a real engine holding real flows: the handler, its
// caps and the protocol together. Other endpoints answer nothing; they are control-server.test.ts's.
const secret = "p".repeat(24);
const T0 = 1_700_000_000_000;
const catchAll: PreviewPolicy = { policy_id: 1, priority: 0, enabled: true, match_rules: {} };
const web: PreviewPolicy = {
  policy_id: 2,
  priority: 10,
  enabled: true,
  match_rules: { destination_ports: [{ from: 443, to: 443 }] },
};

const unused = () => {
  throw new Error("not under test");
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(handler: ControlHandlers["preview"]) {
  const handlers = {
    stats: unused,
    policyStats: unused,
    topFlows: unused,
    siteStats: unused,
    siteTotals: unused,
    status: unused,
    reset: unused,
    cleanup: unused,
    cacheStats: unused,
    clearCaches: unused,
    preview: handler,
  } satisfies ControlHandlers;
  const control = await startControlServer({ port: 0, secret }, handlers);
  close = control.close;
  return { url: control.url, client: createCollectorClient({ url: control.url, secret }) };
}

function collectorWithFlows(count: number) {
  const collector = new TrafficStatsCollector({ now: () => T0, matcher: new PolicyMatcher([catchAll as never]) });
  for (let i = 0; i < count; i++) {
    const r = flowKey({
      src: `10.1.${i >> 8}.${i & 255}`,
      dst: "192.0.2.1",
      srcPort: 40000,
      dstPort: i % 2 ? 443 : 22,
      protocol: 6,
    });
    r.packets = 2;
    r.bytes = 1000;
    collector.ingest(r, T0);
  }
  return collector;
}

describe("the preview endpoint", () => {
  it("answers what a draft would move, and the engine's counters stay as they were", async () => {
    const collector = collectorWithFlows(10);
    const before = collector.getAllPolicyStats();
    const { client } = await serve(createPreviewHandler(collector, { now: () => T0 + 5 }));

    const preview = await client.preview([catchAll, web], 3);

    expect(preview).toMatchObject({
      flows_considered: 10,
      flows_moved: 5,
      packets_per_second_moved: 10,
      bits_per_second_moved: 40_000,
      moves: [{ from_policy_id: 1, to_policy_id: 2, flows: 5 }],
      at: T0 + 5,
    });
    expect(preview.top_flows).toHaveLength(3);
    expect(collector.getAllPolicyStats()).toEqual(before);
  });

  it("refuses a second preview while one runs with 429, and takes the next one after it ends", async () => {
    const collector = collectorWithFlows(3000);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let yielded!: () => void;
    const firstYield = new Promise<void>((resolve) => (yielded = resolve));
    const { client } = await serve(
      createPreviewHandler(collector, {
        sliceMs: 0,
        yieldToLoop: () => {
          yielded();
          return held;
        },
      }),
    );

    const first = client.preview([catchAll, web]);
    await firstYield;
    const second = await client.preview([catchAll, web]).catch((error: unknown) => error);
    release();

    expect(second).toBeInstanceOf(CollectorProtocolError);
    expect(second).toMatchObject({
      status: 429,
      message: expect.stringContaining("another policy preview is running"),
    });
    expect((await first).flows_moved).toBe(1500);
    expect((await client.preview([catchAll, web])).flows_moved).toBe(1500);
  });

  it("refuses a draft the matcher cannot compile with 400 saying why", async () => {
    const { client } = await serve(createPreviewHandler(collectorWithFlows(1)));

    const refusal = await client.preview([web, { ...web, priority: 5 }]).catch((error: unknown) => error);

    expect(refusal).toMatchObject({ status: 400, message: expect.stringContaining("policy 2 is listed twice") });
  });

  it("refuses more than 1,000 policies with 400, and a body over 4 MiB with 413, before compiling anything", async () => {
    const { url, client } = await serve(createPreviewHandler(collectorWithFlows(1)));
    const many = Array.from({ length: 1001 }, (_, i) => ({ ...catchAll, policy_id: i + 1 }));

    const tooMany = await client.preview(many).catch((error: unknown) => error);
    const huge = await fetch(new URL("/preview", url), {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify({ policies: [], padding: "x".repeat(4 * 1024 * 1024) }),
    });

    expect(tooMany).toMatchObject({ status: 400, message: expect.stringContaining("at most 1000 policies") });
    expect({ status: huge.status, body: await huge.json() }).toEqual({
      status: 413,
      body: { error: "body too large: at most 4194304 bytes" },
    });
  });
});

describe("the sidecar's preview", () => {
  it("judges flows received over UDP by a draft that adds a DSCP policy, and its counters stay as they were", async () => {
    const data = createDataDir([{ name: "catch-all", priority: 0, match_rules: {} }]);
    const env = testEnv(data.dir);
    const running = await startCollector(env, () => {});
    close = async () => {
      await running.stop();
      data.cleanup();
    };
    const client = createCollectorClient({ url: running.controlUrl, secret: env.secret });
    const voice = {
      src: "10.0.0.1",
      dst: "192.0.2.1",
      srcPort: 5004,
      dstPort: 5004,
      protocol: 17,
      dscp: 46,
      packets: 50,
      bytes: 10_000,
    };
    const web = {
      src: "10.0.0.2",
      dst: "192.0.2.1",
      srcPort: 40000,
      dstPort: 443,
      protocol: 6,
      dscp: 0,
      packets: 10,
      bytes: 5_000,
    };
    const [host, port] = running.flowAddress.split(":") as [string, string];
    const socket = createSocket("udp4");
    const packet = buildIpfixPacket({
      templates: [IPFIX_IPV4_TEMPLATE],
      dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [voice, web])],
    });
    await new Promise((resolve) => socket.send(packet, Number(port), host, resolve));
    socket.close();
    await vi.waitFor(async () => expect((await client.status()).records_received).toBe(2), { timeout: 5_000 });
    const before = await client.stats();
    const draft = [
      ...listPolicies(data.db).map(({ policy_id, priority, enabled, match_rules }) => ({
        policy_id,
        priority,
        enabled,
        match_rules,
      })),
      { policy_id: 99, priority: 900, enabled: true, match_rules: { dscp: [46] } },
    ];

    const preview = await client.preview(draft);

    expect(preview).toMatchObject({
      flows_considered: 2,
      flows_moved: 1,
      moves: [{ from_policy_id: 1, to_policy_id: 99, flows: 1 }],
    });
    expect(preview.top_flows.map((f) => [f.key.src_addr, f.dscp])).toEqual([["10.0.0.1", 46]]);
    expect((await client.stats()).policies).toEqual(before.policies);
  });
});
