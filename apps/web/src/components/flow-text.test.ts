import { describe, expect, it } from "vitest";
import { endpointText, policyLabel, previewSummary, protocolName } from "./flow-text";

describe("the preview's summary line", () => {
  it("says how many of the live flows would move and at what rates", () => {
    expect(
      previewSummary({
        flows_considered: 1200,
        flows_moved: 3,
        packets_per_second_moved: 15,
        bits_per_second_moved: 2_400_000,
      }),
    ).toBe("3 of 1,200 live flows would move, 15 pkt/s, 2.4 Mbit/s");
  });

  it("says plainly when nothing moves", () => {
    expect(
      previewSummary({ flows_considered: 1, flows_moved: 0, packets_per_second_moved: 0, bits_per_second_moved: 0 }),
    ).toBe("None of the 1 live flow would move: this change leaves current traffic where it is.");
  });

  it("says when there is no live traffic to judge the change by", () => {
    expect(
      previewSummary({ flows_considered: 0, flows_moved: 0, packets_per_second_moved: 0, bits_per_second_moved: 0 }),
    ).toBe("The collector sees no live flows now, so no traffic would move.");
  });
});

describe("flows in words", () => {
  it("names unmatched traffic, a policy by name, and one whose name is unknown by id", () => {
    expect([policyLabel(null, null), policyLabel("3", "voice"), policyLabel("7", null)]).toEqual([
      "unmatched traffic",
      "voice",
      "policy 7",
    ]);
  });

  it("writes ports only for protocols that have them, IPv6 addresses bracketed", () => {
    expect([
      endpointText("10.0.0.1", 443, 6),
      endpointText("2001:db8::1", 53, 17),
      endpointText("10.0.0.2", 0, 1),
    ]).toEqual(["10.0.0.1:443", "[2001:db8::1]:53", "10.0.0.2"]);
  });

  it("names common protocols and leaves others as numbers", () => {
    expect([protocolName(6), protocolName(17), protocolName(99)]).toEqual(["TCP", "UDP", "99"]);
  });
});
