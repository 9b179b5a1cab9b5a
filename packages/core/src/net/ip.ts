/**
 * IP addresses, once for the whole project: parse, format (RFC 5952), IPv4-mapped unmapping, CIDR
 * blocks, /64 keys, loopback. Numbers use the FlowRecord layout: IPv4 as one unsigned 32-bit number,
 * IPv6 as four unsigned 32-bit words, most significant first. No regex anywhere: every parse is one
 * pass over at most MAX_ADDRESS_LENGTH characters (own code beat ipaddr.js here, see ip.bench.ts).
 */

/**
 * The longest IP literal we take: an IPv6 address with an IPv4 tail is at most 45 characters. The cap
 * comes before any parsing, so nothing past it is ever looked at.
 */
export const MAX_ADDRESS_LENGTH = 45;

export type IpFamily = 4 | 6;

const scratch = new Uint32Array(4);

/**
 * 4 or 6 for an IP literal, 0 for anything else. A zone id (`fe80::1%eth0`) is refused: neither a flow
 * nor a policy names an interface, and an 80 KB zone id once froze the web process for 8.7 s in a regex.
 */
export function ipFamily(text: string): 0 | IpFamily {
  if (text.length > MAX_ADDRESS_LENGTH) return 0;
  if (parseIPv4(text) !== -1) return 4;
  return parseIPv6(text, scratch) ? 6 : 0;
}

/** Dotted-quad text as an unsigned 32-bit number, or -1. Octets are 0-255 without leading zeros (as node:net). */
export function parseIPv4(text: string, from = 0, to = text.length): number {
  if (to - from > 15) return -1;
  let value = 0;
  let octets = 0;
  let i = from;
  while (octets < 4) {
    const start = i;
    let octet = 0;
    while (i < to && i - start < 3) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      octet = octet * 10 + c;
      i++;
    }
    const digits = i - start;
    if (digits === 0 || octet > 255 || (digits > 1 && text.charCodeAt(start) === 48)) return -1;
    value = value * 256 + octet;
    octets++;
    if (octets < 4) {
      if (text.charCodeAt(i) !== 46 || i >= to) return -1;
      i++;
    }
  }
  return i === to ? value : -1;
}

/**
 * IPv6 text into four 32-bit words of `out`; false (and `out` unspecified) when it is not one. Accepts
 * what node:net's isIPv6 does minus zone ids: 1-4 hex digits a group, one "::" for one or more zero
 * groups, an IPv4 tail for the last two.
 */
export function parseIPv6(text: string, out: Uint32Array | number[]): boolean {
  const length = text.length;
  if (length < 2 || length > MAX_ADDRESS_LENGTH) return false;
  const groups = [0, 0, 0, 0, 0, 0, 0, 0];
  let count = 0;
  let gap = -1; // index in groups where "::" stands
  let i = 0;
  if (text.charCodeAt(0) === 58) {
    if (text.charCodeAt(1) !== 58) return false;
    gap = 0;
    i = 2;
    if (i === length) return fill(groups, count, gap, out);
  }
  for (;;) {
    const start = i;
    let group = 0;
    while (i < length && i - start < 5) {
      const h = hexValue(text.charCodeAt(i));
      if (h < 0) break;
      group = group * 16 + h;
      i++;
    }
    if (i < length && text.charCodeAt(i) === 46) {
      // An IPv4 tail: the last two groups, and the end of the text.
      if (count > 6) return false;
      const v4 = parseIPv4(text, start, length);
      if (v4 === -1) return false;
      groups[count++] = v4 >>> 16;
      groups[count++] = v4 & 0xffff;
      break;
    }
    if (i === start || i - start > 4 || count === 8) return false;
    groups[count++] = group;
    if (i === length) break;
    if (text.charCodeAt(i) !== 58) return false;
    i++;
    if (text.charCodeAt(i) === 58) {
      if (gap !== -1) return false;
      gap = count;
      i++;
      if (i === length) break;
    } else if (i === length) {
      return false;
    }
  }
  return fill(groups, count, gap, out);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** Spreads the groups read around the "::" gap, which must stand for at least one group, into words. */
function fill(groups: number[], count: number, gap: number, out: Uint32Array | number[]): boolean {
  if (gap === -1 ? count !== 8 : count > 7) return false;
  const full =
    gap === -1 ? groups : [...groups.slice(0, gap), ...Array<number>(8 - count).fill(0), ...groups.slice(gap, count)];
  for (let w = 0; w < 4; w++) out[w] = ((full[2 * w]! << 16) | full[2 * w + 1]!) >>> 0;
  return true;
}

/** A valid IP literal (see ipFamily) as an unsigned integer: IPv4 in 32 bits, IPv6 in 128. Throws on anything else. */
export function addressToBigInt(address: string, family: IpFamily | 0 = ipFamily(address)): bigint {
  if (family === 4) {
    const v4 = parseIPv4(address);
    if (v4 !== -1) return BigInt(v4);
  } else if (family === 6 && parseIPv6(address, scratch)) {
    return wordsToBigInt(scratch);
  }
  throw new Error(`"${clip(address)}" is not an IPv${family === 0 ? "4 or IPv6" : family} address`);
}

/** IPv4 text as the unsigned 32-bit number FlowRecord uses; throws on anything else. */
export function ipv4ToNumber(text: string): number {
  const value = text.length > MAX_ADDRESS_LENGTH ? -1 : parseIPv4(text);
  if (value === -1) throw new Error(`"${clip(text)}" is not an IPv4 address`);
  return value;
}

/** IPv6 text as the four unsigned 32-bit words FlowRecord uses; throws on anything else. */
export function ipv6ToWords(text: string): number[] {
  const words = [0, 0, 0, 0];
  if (!parseIPv6(text, words)) throw new Error(`"${clip(text)}" is not an IPv6 address`);
  return words;
}

function wordsToBigInt(words: ArrayLike<number>): bigint {
  let value = 0n;
  for (let i = 0; i < 4; i++) value = (value << 32n) | BigInt(words[i]! >>> 0);
  return value;
}

/** A 128-bit address into four 32-bit words, most significant first (the FlowRecord layout). */
export function writeWords(address: bigint, words: Uint32Array | number[]): void {
  for (let i = 3; i >= 0; i--) {
    words[i] = Number(address & 0xffffffffn);
    address >>= 32n;
  }
}

export function formatIPv4(address: number): string {
  return `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}`;
}

/** RFC 5952 text: lower case, leading zeros dropped, the longest run (2+) of zero groups as "::", the first of equals. */
export function formatIPv6(words: ArrayLike<number>): string {
  const groups = formatGroups;
  for (let i = 0; i < 4; i++) {
    const w = (words[i] ?? 0) >>> 0;
    groups[2 * i] = w >>> 16;
    groups[2 * i + 1] = w & 0xffff;
  }
  let bestStart = -1;
  let bestEnd = -1;
  for (let i = 0; i < 8; i++) {
    if (groups[i] !== 0) continue;
    let j = i + 1;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > 1 && j - i > bestEnd - bestStart) [bestStart, bestEnd] = [i, j];
    i = j;
  }
  // Plain concatenation, no arrays: this runs for every flow the traffic API lists (ip.bench.ts).
  let text = "";
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      text += "::";
      i = bestEnd - 1;
      continue;
    }
    if (text !== "" && !text.endsWith(":")) text += ":";
    text += groups[i]!.toString(16);
  }
  return text;
}
const formatGroups = new Uint16Array(8);

/** "::ffff:192.0.2.7" (an IPv4 peer on a dual-stack socket) as "192.0.2.7"; anything else unchanged. */
export function unmapIPv4(address: string): string {
  if (address.length > MAX_ADDRESS_LENGTH || address.length < 14 || address.slice(0, 7).toLowerCase() !== "::ffff:")
    return address;
  return parseIPv4(address, 7) === -1 ? address : address.slice(7);
}

/** 127.0.0.0/8 or ::1 (unmap first: "::ffff:127.0.0.1" is not). */
export function isLoopback(address: string): boolean {
  return address === "::1" || (address.startsWith("127.") && parseIPv4(address) !== -1);
}

/**
 * An IPv6 address as its /64, e.g. "2001:db8:0:1::/64" (four groups, none compressed): one subscriber is
 * routinely given a whole /64. Undefined for anything that is not an IPv6 literal.
 */
export function prefix64Key(address: string): string | undefined {
  if (!parseIPv6(address, scratch)) return undefined;
  const [a = 0, b = 0] = scratch;
  return `${(a >>> 16).toString(16)}:${(a & 0xffff).toString(16)}:${(b >>> 16).toString(16)}:${(b & 0xffff).toString(16)}::/64`;
}

/** A CIDR block; `value` is its address as an integer (host bits possibly set: see hostBitsSet). */
export interface Cidr {
  address: string;
  family: IpFamily;
  prefix: number;
  value: bigint;
}

/**
 * "10.0.0.0/8", "2001:db8::/32" or a bare address (a /32 or /128). On failure, which part is wrong:
 * the address, or the prefix length (1-3 digits, at most 32 or 128).
 */
export function parseCidr(text: string): { cidr: Cidr } | { error: "address" | "prefix" } {
  const slash = text.indexOf("/");
  const address = slash === -1 ? text : text.slice(0, slash);
  const family = ipFamily(address);
  if (family === 0) return { error: "address" };
  const bits = family === 4 ? 32 : 128;
  let prefix = bits;
  if (slash !== -1) {
    const digits = text.length - slash - 1;
    prefix = 0;
    for (let i = slash + 1; i < text.length; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return { error: "prefix" };
      prefix = prefix * 10 + c;
    }
    if (digits < 1 || digits > 3 || prefix > bits) return { error: "prefix" };
  }
  return { cidr: { address, family, prefix, value: addressToBigInt(address, family) } };
}

/** Whether the block has bits set past its prefix (10.0.0.1/8). */
export function hostBitsSet(cidr: Cidr): boolean {
  const bits = cidr.family === 4 ? 32 : 128;
  return (cidr.value & ((1n << BigInt(bits - cidr.prefix)) - 1n)) !== 0n;
}

/** Whether `address` lies in `cidr` (same family only: unmap an IPv4-mapped address first). */
export function cidrContains(cidr: Cidr, address: string): boolean {
  if (ipFamily(address) !== cidr.family) return false;
  const shift = BigInt((cidr.family === 4 ? 32 : 128) - cidr.prefix);
  return addressToBigInt(address, cidr.family) >> shift === cidr.value >> shift;
}

/** Enough of a rejected input to recognise it; an error message never echoes 80 KB back. */
export function clip(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}
