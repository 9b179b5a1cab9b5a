import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { endpoints } from "../../db/schema";
import { createTestDb, insertSite, type TestDb } from "../../testing";
import { ExporterGate, exporterAddressesVersion, listExporterAddresses, parseExporterList } from "./exporter-gate";

const none = parseExporterList("");

describe("ExporterGate", () => {
  it("admits the network's endpoint addresses and loopback, and refuses other sources", () => {
    const gate = new ExporterGate({ list: none, allowLoopback: true });
    gate.setEndpointAddresses(["198.51.100.1", "2001:db8::1"]);

    expect(gate.admit("198.51.100.1")).toBeGreaterThan(0);
    expect(gate.admit("2001:db8::1")).toBeGreaterThan(0);
    expect(gate.admit("127.0.0.1")).toBeGreaterThan(0);
    expect(gate.admit("::1")).toBeGreaterThan(0);
    expect(gate.admit("198.51.100.2")).toBe(-1);
    expect(gate.admit("2001:db8::2")).toBe(-1);
    expect(gate.refused).toBe(2);
  });

  it("counts every loopback source as one exporter, so local senders cannot claim the flow-quota ids", () => {
    const gate = new ExporterGate({ list: none, allowLoopback: true, maxExporters: 8 });
    gate.setEndpointAddresses(["198.51.100.1"]);

    const loopbackIds = new Set(
      ["127.0.0.1", "127.0.0.2", "127.9.9.9", "::1", "::ffff:127.0.0.3"].map((a) => gate.admit(a)),
    );

    expect(loopbackIds.size).toBe(1);
    for (let i = 10; i < 20; i++) gate.admit(`127.0.0.${i}`);
    const edge = gate.admit("198.51.100.1");
    expect(edge).toBeGreaterThan(0);
    expect(loopbackIds.has(edge)).toBe(false);
  });

  it("matches an IPv4-mapped IPv6 source to its IPv4 endpoint, under the same exporter id", () => {
    const gate = new ExporterGate({ list: none, allowLoopback: false });
    gate.setEndpointAddresses(["198.51.100.1"]);

    expect(gate.admit("::ffff:198.51.100.1")).toBe(gate.admit("198.51.100.1"));
    expect(gate.admit("::ffff:198.51.100.1")).toBeGreaterThan(0);
    expect(gate.admit("::ffff:198.51.100.9")).toBe(-1);
  });

  it("admits the configured prefixes, and every source with any", () => {
    const listed = new ExporterGate({
      list: parseExporterList("192.0.2.0/24, 2001:db8:ff::/48"),
      allowLoopback: false,
    });
    expect(listed.admit("192.0.2.200")).toBeGreaterThan(0);
    expect(listed.admit("2001:db8:ff::7")).toBeGreaterThan(0);
    expect(listed.admit("192.0.3.1")).toBe(-1);
    expect(listed.admit("127.0.0.1")).toBe(-1);

    const open = new ExporterGate({ list: parseExporterList("any"), allowLoopback: false });
    expect(open.admit("203.0.113.9")).toBeGreaterThan(0);
  });

  it("follows a change of endpoint addresses, including verdicts it had cached", () => {
    const gate = new ExporterGate({ list: none, allowLoopback: false });
    expect(gate.admit("198.51.100.5")).toBe(-1);

    gate.setEndpointAddresses(["198.51.100.5"]);
    expect(gate.admit("198.51.100.5")).toBeGreaterThan(0);

    gate.setEndpointAddresses([]);
    expect(gate.admit("198.51.100.5")).toBe(-1);
  });

  it("gives each exporter its own id up to the bound, then one shared id", () => {
    const gate = new ExporterGate({ list: parseExporterList("any"), allowLoopback: false, maxExporters: 4 });
    const ids = ["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5"].map((a) => gate.admit(a));
    expect(ids).toEqual([1, 2, 3, 0, 0]);
    expect(gate.admit("192.0.2.2")).toBe(2);
  });

  it("keeps the heaviest unknown source on top within a fixed table under a flood of spoofed sources", () => {
    let now = 1_000;
    const gate = new ExporterGate({ list: none, allowLoopback: false, unknownSlots: 16, now: () => now });
    for (let i = 0; i < 200_000; i++) {
      now++;
      gate.admit(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
      if (i % 5 === 0) gate.admit("203.0.113.66"); // a sixth of the stream: above 1/16, so guaranteed a slot
    }

    const top = gate.unknownExporters(3);
    expect(top[0]).toMatchObject({ address: "203.0.113.66", last_seen: 200_996 });
    expect(top[0]!.datagrams - top[0]!.error).toBeLessThanOrEqual(40_000);
    expect(top[0]!.datagrams).toBeGreaterThanOrEqual(40_000);
    expect(gate.unknownExporters(100)).toHaveLength(16);
    expect(gate.refused).toBe(240_000);
    expect(gate.verdicts.stats().entries).toBeLessThanOrEqual(4096);
  });
});

describe("parseExporterList", () => {
  it("reads addresses, prefixes and any, and names the entry it cannot read", () => {
    expect(parseExporterList(" 10.0.0.0/8 ,2001:db8::1")).toEqual({
      any: false,
      cidrs: [
        { address: "10.0.0.0", prefix: 8, family: 4 },
        { address: "2001:db8::1", prefix: 128, family: 6 },
      ],
    });
    expect(parseExporterList("ANY")).toEqual({ any: true });
    expect(() => parseExporterList("10.0.0.0/33")).toThrow(/"10.0.0.0\/33"/);
    expect(() => parseExporterList("edge-1.example")).toThrow(/"edge-1.example"/);
    expect(() => parseExporterList("10.0.0.0/8, any")).toThrow(/"any"/);
  });
});

describe("endpoint addresses as exporters", () => {
  let t: TestDb;
  afterEach(() => t.destroy());

  it("changes version when an endpoint is added, re-addressed or removed", () => {
    t = createTestDb();
    const versions = [exporterAddressesVersion(t.db)];
    const { endpointIds } = insertSite(t.db, 1, 2);
    versions.push(exporterAddressesVersion(t.db));
    t.db.update(endpoints).set({ address: "10.1.0.9" }).where(eq(endpoints.id, endpointIds[0]!)).run();
    versions.push(exporterAddressesVersion(t.db));
    t.db.delete(endpoints).where(eq(endpoints.id, endpointIds[1]!)).run();
    versions.push(exporterAddressesVersion(t.db));

    expect(new Set(versions).size).toBe(4);
    expect(listExporterAddresses(t.db)).toEqual(["10.1.0.9"]);
  });

  it("changes version when an address is edited in place to one of the same length and last character", () => {
    t = createTestDb();
    const { endpointIds } = insertSite(t.db, 1, 1); // 10.1.0.1
    const before = exporterAddressesVersion(t.db);

    t.db.update(endpoints).set({ address: "10.1.9.1" }).where(eq(endpoints.id, endpointIds[0]!)).run();

    expect(exporterAddressesVersion(t.db)).not.toBe(before);
  });
});
