import { isIP } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addressToBigInt,
  cidrContains,
  formatIPv4,
  formatIPv6,
  hostBitsSet,
  ipFamily,
  ipv4ToNumber,
  ipv6ToWords,
  isLoopback,
  parseCidr,
  prefix64Key,
  unmapIPv4,
  type Cidr,
} from "./ip";

const cidr = (text: string): Cidr => {
  const parsed = parseCidr(text);
  if ("error" in parsed) throw new Error(`${text}: ${parsed.error}`);
  return parsed.cidr;
};

describe("ipFamily", () => {
  it("agrees with node:net isIP on every address and near-address without a zone id", () => {
    const nearAddress = fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF:."), maxLength: 45 });
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4Extended(), nearAddress), (text) => {
        expect(ipFamily(text)).toBe(isIP(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("refuses zone ids, an 80 KB one included, and anything over 45 characters", () => {
    expect(ipFamily("fe80::1%eth0")).toBe(0);
    expect(ipFamily(`fe80::1%${"1".repeat(80_000)}`)).toBe(0);
    expect(ipFamily(`${"0000:".repeat(6)}255.255.255.255`)).toBe(6);
    expect(ipFamily(`0${"0000:".repeat(6)}255.255.255.255`)).toBe(0);
  });

  it("refuses IPv4 octets with leading zeros or over 255, and a '::' standing for no group", () => {
    for (const text of [
      "01.2.3.4",
      "256.1.1.1",
      "1.2.3",
      "1.2.3.4.5",
      "1:2:3:4::5:6:7:8",
      "1::2::3",
      ":1::",
      "1:2:3:4:5:6:7:1.2.3.4",
    ]) {
      expect(ipFamily(text), text).toBe(0);
    }
  });
});

describe("formatIPv6 (RFC 5952)", () => {
  it.each([
    ["2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"], // a single zero group is not shortened
    ["2001:0:0:1:0:0:0:1", "2001:0:0:1::1"], // the longest run
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"], // the first of equal runs
    ["0:0:0:0:0:0:0:0", "::"],
    ["0:0:0:0:0:0:0:1", "::1"],
    ["1:0:0:0:0:0:0:0", "1::"],
    ["::ffff:192.0.2.1", "::ffff:c000:201"],
  ])("%s is %s", (text, expected) => {
    expect(formatIPv6(ipv6ToWords(text))).toBe(expected);
  });

  it("round-trips every IPv6 address through words", () => {
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const words = ipv6ToWords(text);
        expect(ipv6ToWords(formatIPv6(words))).toEqual(words);
      }),
    );
  });
});

describe("IPv4", () => {
  it("formats and parses the FlowRecord number", () => {
    expect(formatIPv4(0xc0a80001)).toBe("192.168.0.1");
    expect(ipv4ToNumber("255.255.255.255")).toBe(0xffffffff);
    expect(() => ipv4ToNumber("10.0.0")).toThrow(/not an IPv4 address/);
  });
});

describe("unmapIPv4 and isLoopback", () => {
  it("unmaps only an IPv4-mapped address with a valid IPv4 tail", () => {
    expect(unmapIPv4("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(unmapIPv4("::FFFF:192.0.2.7")).toBe("192.0.2.7");
    expect(unmapIPv4("::ffff:999.0.2.7")).toBe("::ffff:999.0.2.7");
    expect(unmapIPv4("::ffff:c000:207")).toBe("::ffff:c000:207");
    expect(unmapIPv4("2001:db8::1")).toBe("2001:db8::1");
  });

  it("knows 127.0.0.0/8 and ::1 as loopback, and nothing else", () => {
    expect(isLoopback("127.1.2.3")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("127.1.2")).toBe(false);
    expect(isLoopback("::ffff:127.0.0.1")).toBe(false);
    expect(isLoopback("128.0.0.1")).toBe(false);
  });
});

describe("CIDR blocks", () => {
  it("contains every address at /0, exactly one at /32 and /128, and never the other family", () => {
    expect(cidrContains(cidr("0.0.0.0/0"), "255.255.255.255")).toBe(true);
    expect(cidrContains(cidr("::/0"), "ffff::1")).toBe(true);
    expect(cidrContains(cidr("0.0.0.0/0"), "::1")).toBe(false);
    expect(cidrContains(cidr("10.0.0.1/32"), "10.0.0.1")).toBe(true);
    expect(cidrContains(cidr("10.0.0.1/32"), "10.0.0.2")).toBe(false);
    expect(cidrContains(cidr("2001:db8::1/128"), "2001:db8::1")).toBe(true);
    expect(cidrContains(cidr("2001:db8::1/128"), "2001:db8::2")).toBe(false);
    expect(cidrContains(cidr("10.0.0.0/8"), "10.255.255.255")).toBe(true);
    expect(cidrContains(cidr("10.0.0.0/8"), "11.0.0.0")).toBe(false);
  });

  it("says which part of a bad block is wrong", () => {
    expect(parseCidr("10.0.0.0/33")).toEqual({ error: "prefix" });
    expect(parseCidr("::/129")).toEqual({ error: "prefix" });
    expect(parseCidr("10.0.0.0/")).toEqual({ error: "prefix" });
    expect(parseCidr("10.0.0.0/8/9")).toEqual({ error: "prefix" });
    expect(parseCidr("10.0.0.0/0008")).toEqual({ error: "prefix" });
    expect(parseCidr("fe80::1%eth0/64")).toEqual({ error: "address" });
    expect(cidr("2001:db8::/32")).toMatchObject({ family: 6, prefix: 32 });
    expect(cidr("192.0.2.1")).toMatchObject({ family: 4, prefix: 32 });
  });

  it("tells host bits past the prefix", () => {
    expect(hostBitsSet(cidr("10.0.0.1/8"))).toBe(true);
    expect(hostBitsSet(cidr("10.0.0.0/8"))).toBe(false);
    expect(hostBitsSet(cidr("::1/0"))).toBe(true);
    expect(hostBitsSet(cidr("::1/128"))).toBe(false);
  });
});

describe("prefix64Key and addressToBigInt", () => {
  it("keys an IPv6 address by its first four groups, and nothing else", () => {
    expect(prefix64Key("2001:DB8::1")).toBe("2001:db8:0:0::/64");
    expect(prefix64Key("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(prefix64Key("::ffff:192.0.2.1")).toBe("0:0:0:0::/64");
    expect(prefix64Key("192.0.2.1")).toBeUndefined();
  });

  it("reads an IPv4 tail as the last two groups", () => {
    expect(addressToBigInt("::ffff:10.0.0.1")).toBe(0xffff0a000001n);
    expect(addressToBigInt("10.0.0.1")).toBe(0x0a000001n);
    expect(() => addressToBigInt("nope")).toThrow(/not an IPv4 or IPv6 address/);
  });
});
