import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../errors";
import { addressToBigInt, formatIPv4, formatIPv6, writeWords } from "../../net/ip";
import { flowKey } from "./flow-key";

describe("flowKey", () => {
  it("builds a record with numeric IPv4 addresses", () => {
    const r = flowKey({ src: "10.0.0.1", dst: "255.255.255.254", srcPort: 1234, dstPort: 443, protocol: 6 });
    expect([r.ipVersion, r.src4, r.dst4, r.srcPort, r.dstPort, r.protocol]).toEqual([
      4, 0x0a000001, 0xfffffffe, 1234, 443, 6,
    ]);
  });

  it("builds a record with IPv6 addresses as four words each", () => {
    const r = flowKey({ src: "2001:db8::1", dst: "::ffff:10.0.0.1", srcPort: 1, dstPort: 2, protocol: 17 });
    expect([r.ipVersion, [...r.src6], [...r.dst6]]).toEqual([6, [0x20010db8, 0, 0, 1], [0, 0, 0xffff, 0x0a000001]]);
  });

  it("rejects a flow whose addresses are of different families", () => {
    expect(() => flowKey({ src: "10.0.0.1", dst: "::1", srcPort: 1, dstPort: 2, protocol: 6 })).toThrow(
      ValidationError,
    );
  });

  it("refuses an address with an 80 KB zone id as a VALIDATION error on the source", () => {
    const src = `fe80::1%${"1".repeat(80_000)}`;
    expect(() => flowKey({ src, dst: "fe80::2", srcPort: 1, dstPort: 2, protocol: 6 })).toThrow(
      expect.objectContaining({ code: "VALIDATION", field: "src" }),
    );
  });

  it("refuses a short zone id too: a flow address names no interface", () => {
    expect(() => flowKey({ src: "fe80::2", dst: "fe80::1%eth0", srcPort: 1, dstPort: 2, protocol: 6 })).toThrow(
      expect.objectContaining({ code: "VALIDATION", field: "dst" }),
    );
  });

  it("rejects a port outside 0-65535", () => {
    expect(() => flowKey({ src: "10.0.0.1", dst: "10.0.0.2", srcPort: 65536, dstPort: 2, protocol: 6 })).toThrow(
      /srcPort/,
    );
  });
});

describe("address formatting", () => {
  it("writes IPv4 addresses dotted", () => {
    expect(formatIPv4(0xc0a80001)).toBe("192.168.0.1");
  });

  it("writes IPv6 addresses in RFC 5952 form", () => {
    const text = (address: string) => {
      const words = new Uint32Array(4);
      writeWords(addressToBigInt(address, 6), words);
      return formatIPv6(words);
    };
    expect(text("2001:0db8:0000:0000:0001:0000:0000:0001")).toBe("2001:db8::1:0:0:1");
    expect(text("2001:db8:0:1:1:1:1:1")).toBe("2001:db8:0:1:1:1:1:1");
    expect(text("0:0:0:0:0:0:0:0")).toBe("::");
    expect(text("1:0:0:2:0:0:0:3")).toBe("1:0:0:2::3");
  });

  it("formats IPv6 addresses so that they parse back to the same address", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 0, 0, 1, 0xffff, 0xdb8), { minLength: 8, maxLength: 8 }), (groups) => {
        const address = groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
        const words = new Uint32Array(4);
        writeWords(address, words);
        expect(addressToBigInt(formatIPv6(words), 6)).toBe(address);
      }),
    );
  });
});
