/**
 * Datagrams captured from real exporters (softflowd 1.1, pmacctd 1.7) replaying fixtures/flows.pcap, checked
 * against the truth computed from that pcap. See fixtures/generate.py.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FlowDecoder } from "./decoder";
import { decodeFlows, type DecodedFlow } from "./testing/decoded-flow";

interface TruthFlow extends DecodedFlow {
  icmpTypeCode: number | null;
}

const truth = JSON.parse(readFileSync(new URL("./fixtures/expected-flows.json", import.meta.url), "utf8")) as {
  unsampled: TruthFlow[];
  sampledOneInTwo: TruthFlow[];
};

function datagrams(name: string): Uint8Array[] {
  const text = readFileSync(new URL(`./fixtures/${name}.hex`, import.meta.url), "utf8");
  return text
    .trim()
    .split("\n")
    .map((line) => Uint8Array.from(Buffer.from(line, "hex")));
}

function decodeFixture(name: string): { flows: DecodedFlow[]; decoder: FlowDecoder } {
  const decoder = new FlowDecoder();
  const flows = datagrams(name).flatMap((d) => decodeFlows(decoder, d, { exporter: "127.0.0.1" }).flows);
  return { flows: sortFlows(flows), decoder };
}

/**
 * What the exporter should report for each true flow: NetFlow v5 and pmacctd put an ICMP type and code in the
 * destination port, softflowd's v9/IPFIX templates carry them in a field of their own (ports then 0).
 */
function expected(flows: TruthFlow[], options: { ipv4Only?: boolean; icmpInDstPort: boolean }): DecodedFlow[] {
  return sortFlows(
    flows
      .filter((f) => !options.ipv4Only || f.ipVersion === 4)
      .map(({ icmpTypeCode, ...f }) => ({
        ...f,
        dstPort: options.icmpInDstPort && icmpTypeCode !== null ? icmpTypeCode : f.dstPort,
      })),
  );
}

function sortFlows(flows: DecodedFlow[]): DecodedFlow[] {
  return [...flows].sort((a, b) => a.src.localeCompare(b.src) || a.dst.localeCompare(b.dst) || a.srcPort - b.srcPort);
}

describe("decoding real exporters' datagrams", () => {
  it("softflowd NetFlow v5 gives the IPv4 flows of the capture", () => {
    expect(decodeFixture("softflowd-v5").flows).toEqual(
      expected(truth.unsampled, { ipv4Only: true, icmpInDstPort: true }),
    );
  });

  it("softflowd NetFlow v9 gives every flow, with times from the header's uptime", () => {
    expect(decodeFixture("softflowd-v9").flows).toEqual(expected(truth.unsampled, { icmpInDstPort: false }));
  });

  it("softflowd IPFIX with millisecond timestamps gives every flow", () => {
    expect(decodeFixture("softflowd-ipfix-milli").flows).toEqual(expected(truth.unsampled, { icmpInDstPort: false }));
  });

  it("softflowd IPFIX with uptimes takes the base time from its systemInitTimeMilliseconds option", () => {
    expect(decodeFixture("softflowd-ipfix-uptime").flows).toEqual(expected(truth.unsampled, { icmpInDstPort: false }));
  });

  it("softflowd NetFlow v9 sampling 1 in 2 scales counters by its SAMPLING_INTERVAL option", () => {
    expect(decodeFixture("softflowd-v9-sampled").flows).toEqual(
      expected(truth.sampledOneInTwo, { icmpInDstPort: false }),
    );
  });

  it("softflowd IPFIX sampling 1 in 2 scales counters by its samplingPacketInterval/Space option", () => {
    expect(decodeFixture("softflowd-ipfix-sampled").flows).toEqual(
      expected(truth.sampledOneInTwo, { icmpInDstPort: false }),
    );
  });

  it("pmacctd NetFlow v9 gives every flow", () => {
    expect(decodeFixture("pmacctd-v9").flows).toEqual(expected(truth.unsampled, { icmpInDstPort: true }));
  });

  it("pmacctd IPFIX with its 8-octet counters gives every flow", () => {
    expect(decodeFixture("pmacctd-ipfix").flows).toEqual(expected(truth.unsampled, { icmpInDstPort: true }));
  });

  it("no fixture counts a fault", () => {
    const names = [
      "softflowd-v5",
      "softflowd-v9",
      "softflowd-ipfix-milli",
      "softflowd-ipfix-uptime",
      "pmacctd-v9",
      "pmacctd-ipfix",
    ];
    const faults = names.map((name) => {
      const { malformedPackets, unsupportedVersion, unknownTemplateSets, templatesRejected } =
        decodeFixture(name).decoder.counters;
      return { name, faults: malformedPackets + unsupportedVersion + unknownTemplateSets + templatesRejected };
    });
    expect(faults).toEqual(names.map((name) => ({ name, faults: 0 })));
  });

  it("a decoder loaded with exported templates decodes pmacctd's data-only datagram at once", () => {
    const [withTemplates, dataOnly] = datagrams("pmacctd-ipfix");
    const first = new FlowDecoder();
    decodeFlows(first, withTemplates!, { exporter: "127.0.0.1" });
    const persisted = JSON.parse(JSON.stringify(first.exportTemplates())) as ReturnType<FlowDecoder["exportTemplates"]>;

    const restarted = new FlowDecoder();
    restarted.importTemplates(persisted);
    const { flows } = decodeFlows(restarted, dataOnly!, { exporter: "127.0.0.1" });

    const original = decodeFlows(first, dataOnly!, { exporter: "127.0.0.1" }).flows;
    expect(original.length).toBeGreaterThan(0);
    expect({ flows, held: restarted.counters.setsHeld }).toEqual({ flows: original, held: 0 });
  });
});
