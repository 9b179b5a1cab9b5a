/** Property tests: mutated and random packets never throw, never yield impossible records, never corrupt state. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FlowDecoder } from "./decoder";
import type { FlowRecord } from "./flow-record";
import {
  buildIpfixPacket,
  buildV5Packet,
  buildV9Packet,
  flowDataSet,
  IPFIX_IPV4_TEMPLATE,
  IPFIX_IPV6_TEMPLATE,
  V9_IPV4_TEMPLATE,
  type TemplateSpec,
  type FlowSpec,
} from "./encode";
import { decodeFlows, toDecodedFlow, type DecodedFlow } from "./testing/decoded-flow";

const T = 1_700_000_000_000;
const clock = { unixSecs: T / 1000, sysUptimeMs: 600_000 };
const flows: FlowSpec[] = [
  {
    src: "10.0.0.1",
    dst: "192.0.2.1",
    srcPort: 1234,
    dstPort: 443,
    protocol: 6,
    dscp: 46,
    packets: 10,
    bytes: 1500,
    firstMs: T - 9000,
    lastMs: T - 1000,
  },
  {
    src: "10.0.0.2",
    dst: "192.0.2.2",
    srcPort: 53,
    dstPort: 5353,
    protocol: 17,
    dscp: 0,
    packets: 1,
    bytes: 80,
    firstMs: T - 500,
    lastMs: T - 500,
  },
];
const v6Flow: FlowSpec = { ...flows[0]!, src: "2001:db8::1", dst: "2001:db8::2" };

/** Sampling 1 in 1, so that a valid packet also resets whatever rate a mutated one announced. */
const IPFIX_SAMPLING = {
  templateId: 300,
  fields: [
    { id: 149, length: 4 },
    { id: 305, length: 4 },
    { id: 306, length: 4 },
  ],
  scopeFieldCount: 1,
};
const V9_SAMPLING = {
  templateId: 300,
  fields: [
    { id: 1, length: 4 },
    { id: 34, length: 4 },
  ],
  scopeFieldCount: 1,
};
const VARIABLE: TemplateSpec = {
  templateId: 258,
  fields: [
    { id: 8, length: 4 },
    { id: 82, length: 65535 },
    { id: 1, length: 4 },
    { id: 7, length: 2, enterprise: 9 },
    { id: 2, length: 2 },
  ],
};

const valid = {
  ipfix: buildIpfixPacket({
    domainId: 7,
    templates: [IPFIX_SAMPLING, IPFIX_IPV4_TEMPLATE, IPFIX_IPV6_TEMPLATE, VARIABLE],
    dataSets: [
      { template: IPFIX_SAMPLING, records: [[0, 1, 0]] },
      flowDataSet(IPFIX_IPV4_TEMPLATE, flows),
      flowDataSet(IPFIX_IPV6_TEMPLATE, [v6Flow]),
      {
        template: VARIABLE,
        records: [
          ["10.0.0.9", new Uint8Array(300), 900, 1, 9],
          ["10.0.0.8", new Uint8Array(2), 800, 2, 8],
        ],
      },
    ],
  }),
  v9: buildV9Packet({
    ...clock,
    templates: [V9_SAMPLING, V9_IPV4_TEMPLATE],
    dataSets: [{ template: V9_SAMPLING, records: [[0, 1]] }, flowDataSet(V9_IPV4_TEMPLATE, flows, clock)],
  }),
  v5: buildV5Packet({ ...clock, flows }),
};
type Format = keyof typeof valid;
const formats = Object.keys(valid) as Format[];

function decodeAll(decoder: FlowDecoder, packet: Uint8Array, exporter = "192.0.2.1"): DecodedFlow[] {
  return decodeFlows(decoder, packet, { exporter, nowMs: T }).flows;
}
const expected = Object.fromEntries(formats.map((f) => [f, decodeAll(new FlowDecoder(), valid[f])])) as Record<
  Format,
  DecodedFlow[]
>;

/** Offsets of the header length and of each set's length, where a lie does the most damage. */
function lengthFields(packet: Uint8Array): number[] {
  const dv = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  const version = dv.getUint16(0);
  if (version === 5) return [2];
  const out = version === 10 ? [2] : [2];
  for (let p = version === 10 ? 16 : 20; p + 4 <= packet.byteLength;) {
    const len = dv.getUint16(p + 2);
    out.push(p + 2, p + 6);
    if (len < 4) break;
    p += len;
  }
  return out;
}

type Mutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "truncate"; at: number }
  | { kind: "overwrite"; at: number; bytes: Uint8Array }
  | { kind: "lie"; field: number; value: number }
  | { kind: "append"; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("overwrite" as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant("lie" as const),
    field: fc.nat(),
    value: fc.oneof(fc.constantFrom(0, 1, 3, 4, 5, 255, 256, 0xffff), fc.integer({ min: 0, max: 0xffff })),
  }),
  fc.record({
    kind: fc.constant("append" as const),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64, size: "max" }),
  }),
);

function mutate(packet: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = packet.slice();
  for (const m of mutations) {
    if (out.byteLength === 0) break;
    if (m.kind === "flip") out[m.at % out.byteLength]! ^= 1 << m.bit;
    else if (m.kind === "truncate") out = out.slice(0, m.at % out.byteLength);
    else if (m.kind === "overwrite")
      out.set(m.bytes.subarray(0, out.byteLength - (m.at % out.byteLength)), m.at % out.byteLength);
    else if (m.kind === "append") out = Uint8Array.from([...out, ...m.bytes]);
    else if (out.byteLength >= 8) {
      const fields = lengthFields(out).filter((at) => at + 2 <= out.byteLength);
      const at = fields[m.field % fields.length]!;
      new DataView(out.buffer).setUint16(at, m.value);
    }
  }
  return out;
}

function insane(r: FlowRecord): string | undefined {
  const u32 = (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
  const checks: [string, boolean][] = [
    ["ipVersion", r.ipVersion === 4 || r.ipVersion === 6],
    ["addresses", u32(r.src4) && u32(r.dst4) && r.src6.length === 4 && r.dst6.length === 4],
    ["ports", [r.srcPort, r.dstPort].every((p) => Number.isInteger(p) && p >= 0 && p <= 65535)],
    ["protocol", Number.isInteger(r.protocol) && r.protocol >= 0 && r.protocol <= 255],
    ["dscp", Number.isInteger(r.dscp) && r.dscp >= 0 && r.dscp <= 63],
    ["counters", [r.packets, r.bytes].every((n) => Number.isFinite(n) && n >= 0)],
    // Where a record carries both counts, 20 to 65,535 octets a packet (sampling scales both alike).
    [
      "octets per packet",
      r.packets === 0 || r.bytes === 0 || (r.bytes / r.packets > 20 - 1e-9 && r.bytes / r.packets < 65535 + 1e-9),
    ],
    ["times", Number.isFinite(r.firstMs) && Number.isFinite(r.lastMs)],
  ];
  return checks.find(([, ok]) => !ok)?.[0];
}

/** Decodes without throwing (fast-check reports a throw as a failure) and returns the first impossible field. */
function decodeChecked(decoder: FlowDecoder, packet: Uint8Array, exporter: string): string | undefined {
  let bad: string | undefined;
  decoder.decode(packet, exporter, T, (r) => {
    bad ??= insane(r);
  });
  return bad;
}

function countersSane(decoder: FlowDecoder): boolean {
  return Object.values(decoder.counters).every((n) => Number.isSafeInteger(n) && n >= 0);
}

const format = fc.constantFrom(...formats);
const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

describe("decoding damaged packets", () => {
  it("never throws on mutated packets, and every record it emits is possible", () => {
    fc.assert(
      fc.property(format, mutations, (f, ms) => {
        const decoder = new FlowDecoder();
        // Templates first, so that mutated data-only packets reach the record decoders too.
        decoder.decode(valid[f], "192.0.2.1", T, () => {});
        const bad = decodeChecked(decoder, mutate(valid[f], ms), "192.0.2.1");
        return bad === undefined && countersSane(decoder);
      }),
      { numRuns: 1500 },
    );
  });

  it("never throws on random bytes behind a known version number", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(5, 9, 10, 1, 0xffff),
        fc.uint8Array({ maxLength: 1600, size: "max" }),
        (version, rest) => {
          const decoder = new FlowDecoder();
          const packet = Uint8Array.from([version >> 8, version & 255, ...rest]);
          return decodeChecked(decoder, packet, "192.0.2.1") === undefined && countersSane(decoder);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never throws on random data set bodies for known fixed and variable-length templates", () => {
    const templates = buildIpfixPacket({ domainId: 7, templates: [IPFIX_SAMPLING, IPFIX_IPV4_TEMPLATE, VARIABLE] });
    fc.assert(
      fc.property(fc.constantFrom(256, 258, 300), fc.uint8Array({ maxLength: 600, size: "max" }), (setId, body) => {
        const decoder = new FlowDecoder();
        decoder.decode(templates, "192.0.2.1", T, () => {});
        const packet = buildIpfixPacket({ domainId: 7, sets: [{ setId, body }] });
        return decodeChecked(decoder, packet, "192.0.2.1") === undefined && countersSane(decoder);
      }),
      { numRuns: 500 },
    );
  });

  it("decodes a valid packet exactly after mutated ones from the same exporter", () => {
    fc.assert(
      fc.property(format, fc.array(mutations, { minLength: 1, maxLength: 5 }), (f, damage) => {
        const decoder = new FlowDecoder();
        for (const ms of damage) decoder.decode(mutate(valid[f], ms), "192.0.2.1", T, () => {});
        const flows = decodeAll(decoder, valid[f]);
        // Held sets a mutated packet left may be released by the valid templates; the valid data comes last.
        expect(flows.slice(-expected[f].length)).toEqual(expected[f]);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps decoding another exporter's data-only packets exactly while mutated ones arrive", () => {
    const dataOnly = buildIpfixPacket({ domainId: 7, dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, flows)] });
    fc.assert(
      fc.property(format, fc.array(mutations, { minLength: 1, maxLength: 5 }), (f, damage) => {
        const decoder = new FlowDecoder();
        decodeAll(decoder, valid.ipfix, "192.0.2.1");
        for (const ms of damage) decoder.decode(mutate(valid[f], ms), "192.0.2.66", T, () => {});
        const records: DecodedFlow[] = [];
        decoder.decode(dataOnly, "192.0.2.1", T, (r) => records.push(toDecodedFlow(r)));
        expect(records).toEqual(expected.ipfix.slice(0, flows.length));
      }),
      { numRuns: 300 },
    );
  });
});
