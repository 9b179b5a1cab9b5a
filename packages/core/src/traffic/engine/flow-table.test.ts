import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowKey } from "../match/flow-key";
import { formatIPv4, formatIPv6 } from "../../net/ip";
import { FlowTable } from "./flow-table";

const pool = [
  ...Array.from({ length: 40 }, (_, i) =>
    flowKey({ src: `10.0.0.${i}`, dst: "192.168.1.1", srcPort: 1000 + (i % 7), dstPort: 443, protocol: 6 }),
  ),
  ...Array.from({ length: 20 }, (_, i) =>
    flowKey({ src: `2001:db8::${i.toString(16)}`, dst: "2001:db8:ffff::1", srcPort: 5000, dstPort: 53, protocol: 17 }),
  ),
];

function find(table: FlowTable, i: number): number {
  const k = pool[i]!;
  return table.find(k);
}

describe("FlowTable", () => {
  it("finds every key after random inserts and removals, and only those, each exporter's LRU list intact (backward-shift deletion)", () => {
    const op = fc.record({
      kind: fc.constantFrom("insert", "insert", "remove", "touch"),
      key: fc.nat(pool.length - 1),
    });
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 20, maxLength: 200, size: "max" }),
        fc.integer(),
        fc.constantFrom(8, 8, 45),
        (ops, seed, maxEntries) => {
          // Few cells: collisions, wrap-around, and with 45 entries growth from 16 cells.
          const table = new FlowTable({ maxEntries, initialCells: 16, seed, exporters: 3 });
          const lru: number[] = [];
          const exporterOf = (key: number) => key % 3;
          for (const { kind, key } of ops) {
            const cell = find(table, key);
            if (kind === "insert" && cell === -1 && table.size < table.maxEntries) {
              const k = pool[key]!;
              table.setPolicy(table.insert(k, table.hash(k), key, exporterOf(key)), key);
              lru.push(key);
            } else if (kind === "remove" && cell !== -1) {
              table.remove(cell);
              lru.splice(lru.indexOf(key), 1);
            } else if (kind === "touch" && cell !== -1) {
              table.touch(cell);
              lru.splice(lru.indexOf(key), 1);
              lru.push(key);
            }
            const found = pool.map((_, i) => {
              const c = find(table, i);
              return c === -1 ? -1 : table.policy(c);
            });
            const lists = [0, 1, 2].map((e) => table.lruOrder(e).map((c) => table.policy(c)));
            const state = { size: table.size, found, lists, sizes: [0, 1, 2].map((e) => table.exporterSize(e)) };
            const expected = [0, 1, 2].map((e) => lru.filter((key) => exporterOf(key) === e));
            expect(state).toEqual({
              size: lru.length,
              found: pool.map((_, i) => (lru.includes(i) ? i : -1)),
              lists: expected,
              sizes: expected.map((l) => l.length),
            });
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("keeps counters and first-seen times with their flows when the table grows", () => {
    const table = new FlowTable({ maxEntries: 100, initialCells: 16 });
    pool.forEach((k, i) => {
      const cell = table.insert(k, table.hash(k), 1000 + i);
      table.add(cell, i, i * 100, 2000 + i);
    });
    expect(table.cells).toBeGreaterThan(16);
    pool.forEach((_, i) => {
      const cell = find(table, i);
      expect([table.packets(cell), table.bytes(cell), table.firstSeen(cell), table.lastSeen(cell)]).toEqual([
        i,
        i * 100,
        1000 + i,
        2000 + i,
      ]);
    });
  });

  it("removeWhere removes exactly the flows the predicate picks, asking once about each removed flow", () => {
    const table = new FlowTable({ maxEntries: 100, initialCells: 16, seed: 7 });
    pool.forEach((k, i) => table.setPolicy(table.insert(k, table.hash(k), 0), i));
    const asked = new Map<number, number>();
    const removed = table.removeWhere((cell) => {
      const i = table.policy(cell);
      asked.set(i, (asked.get(i) ?? 0) + 1);
      return i % 3 === 0;
    });
    expect(removed).toBe(20);
    pool.forEach((_, i) => expect(find(table, i) !== -1).toBe(i % 3 !== 0));
    for (const [i, times] of asked) if (i % 3 === 0) expect(times).toBe(1);
  });

  it("refuses an insert into a full table instead of growing past its bound", () => {
    const table = new FlowTable({ maxEntries: 2 });
    for (const k of pool.slice(0, 2)) table.insert(k, table.hash(k), 0);
    const third = pool[2]!;
    expect(() => table.insert(third, table.hash(third), 0)).toThrow(RangeError);
  });

  it("tells IPv6 flows apart when their addresses differ in any one word", () => {
    const table = new FlowTable({ maxEntries: 10 });
    const a = flowKey({ src: "2001:db8::1", dst: "2001:db8::2", srcPort: 1, dstPort: 2, protocol: 6 });
    const b = flowKey({ src: "2001:db9::1", dst: "2001:db8::2", srcPort: 1, dstPort: 2, protocol: 6 });
    table.setPolicy(table.insert(a, table.hash(a), 0), 1);
    expect(table.find(b)).toBe(-1);
    expect(table.keyOf(table.find(a))).toEqual({
      ipVersion: 6,
      src: [0x20010db8, 0, 0, 1],
      dst: [0x20010db8, 0, 0, 2],
      srcPort: 1,
      dstPort: 2,
      protocol: 6,
    });
  });

  it("keeps a flow's DSCP and matcher generation apart in their shared word", () => {
    const table = new FlowTable({ maxEntries: 8, seed: 1 });
    const k = pool[0]!;
    const cell = table.insert(k, table.hash(k), 0);
    table.setDscp(cell, 46);
    table.setGeneration(cell, 0xffffff);
    table.setDscp(cell, 63);
    table.setGeneration(cell, 0x1000005);

    expect({ dscp: table.dscp(cell), generation: table.generation(cell) }).toEqual({ dscp: 63, generation: 5 });
  });

  it("copies every live flow with its key, DSCP, policy and counters, and the copy stays put as the table changes", () => {
    const table = new FlowTable({ maxEntries: 100, initialCells: 16, seed: 2 });
    pool.forEach((k, i) => {
      const cell = table.insert(k, table.hash(k), 1000 + i);
      table.setPolicy(cell, i);
      table.setDscp(cell, i % 64);
      table.add(cell, i, 100 * i, 2000 + i);
    });
    const copy = table.copyLive();
    table.removeWhere(() => true);

    const record = flowKey({ src: "0.0.0.0", dst: "0.0.0.0", srcPort: 0, dstPort: 0, protocol: 0 });
    const seen = Array.from({ length: copy.size }, (_, i) => {
      copy.readInto(i, record);
      const back = flowKey({
        src: record.ipVersion === 4 ? formatIPv4(record.src4) : formatIPv6(record.src6),
        dst: record.ipVersion === 4 ? formatIPv4(record.dst4) : formatIPv6(record.dst6),
        srcPort: record.srcPort,
        dstPort: record.dstPort,
        protocol: record.protocol,
      });
      const p = copy.policy(i);
      expect(back).toEqual(pool[p]);
      return [p, record.dscp, copy.packets(i), copy.bytes(i), copy.firstSeen(i), copy.lastSeen(i)];
    });

    expect(seen.sort((a, b) => a[0]! - b[0]!)).toEqual(pool.map((_, i) => [i, i % 64, i, 100 * i, 1000 + i, 2000 + i]));
  });
});
