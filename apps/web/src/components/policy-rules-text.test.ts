import { describe, expect, it } from "vitest";
import { dscpName, policyRulesText } from "./policy-rules-text";

const anything = {
  source_cidrs: [],
  destination_cidrs: [],
  source_ports: [],
  destination_ports: [],
  protocols: [],
  dscp: [],
};

describe("policyRulesText", () => {
  it("puts protocols, destination, port ranges and DSCP in words", () => {
    const text = policyRulesText({
      ...anything,
      protocols: [17, 6],
      destination_cidrs: ["10.0.0.0/8"],
      destination_ports: ["5060", "10000-20000"],
      dscp: [46],
    });

    expect(text).toBe("UDP or TCP to 10.0.0.0/8 port 5060 or 10000–20000, DSCP EF (46)");
  });

  it("says any for the lists left empty", () => {
    expect(policyRulesText(anything)).toBe("Any traffic");
    expect(policyRulesText({ ...anything, destination_ports: ["443"] })).toBe("Any protocol to any address port 443");
  });

  it("names the source side, and lists of three or more in one sentence", () => {
    const text = policyRulesText({
      ...anything,
      protocols: [6],
      source_cidrs: ["10.1.0.0/16", "10.2.0.0/16", "fd00::/8"],
      source_ports: ["1024-65535"],
      dscp: [34, 10, 8],
    });

    expect(text).toBe(
      "TCP from 10.1.0.0/16, 10.2.0.0/16, or fd00::/8 port 1024–65535, DSCP AF41 (34), AF11 (10), or CS1 (8)",
    );
  });

  it("writes protocols and DSCP values without a name as numbers", () => {
    expect(policyRulesText({ ...anything, protocols: [99], dscp: [5] })).toBe("Protocol 99, DSCP 5");
  });
});

describe("dscpName", () => {
  it("names the class selectors, assured forwarding and expedited forwarding", () => {
    expect([0, 8, 56, 10, 14, 38, 46, 5].map(dscpName)).toEqual([
      "CS0",
      "CS1",
      "CS7",
      "AF11",
      "AF13",
      "AF43",
      "EF",
      undefined,
    ]);
  });
});
