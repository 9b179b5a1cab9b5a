import { isIP } from "node:net";
import { z } from "zod";

/**
 * What a routing policy matches. Every rule is optional and an absent rule matches anything; a
 * present rule matches when any of its entries does. Stored as JSON in sdwan_policies.match_rules.
 */
export interface MatchRules {
  source_cidrs?: string[];
  destination_cidrs?: string[];
  source_ports?: PortRange[];
  destination_ports?: PortRange[];
  protocols?: number[];
  dscp?: number[];
}

export interface PortRange {
  from: number;
  to: number;
}

const cidr = z.string().superRefine((value, ctx) => {
  const problem = cidrProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const port = z.number().int().min(0).max(65535);

/** Accepts 443, "443", "10000-20000" or { from, to }; always yields { from, to }. */
const portRange = z
  .union([
    port.transform((p) => ({ from: p, to: p })),
    z.string().transform((text, ctx) => {
      const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(text);
      const from = m ? Number(m[1]) : NaN;
      const to = m ? Number(m[2] ?? m[1]) : NaN;
      if (!(from <= 65535 && to <= 65535)) {
        ctx.addIssue({ code: "custom", message: `"${text}" is not a port or port range (0-65535, e.g. "5060" or "10000-20000")` });
        return z.NEVER;
      }
      return { from, to };
    }),
    z.object({ from: port, to: port }),
  ])
  .refine((r) => r.from <= r.to, { message: "port range must run from low to high" });

export const matchRulesSchema = z
  .object({
    source_cidrs: z.array(cidr).optional(),
    destination_cidrs: z.array(cidr).optional(),
    source_ports: z.array(portRange).optional(),
    destination_ports: z.array(portRange).optional(),
    protocols: z.array(z.number().int().min(0).max(255)).optional(),
    dscp: z.array(z.number().int().min(0).max(63)).optional(),
  })
  .strict();

/**
 * The longest IP literal we take: an IPv6 address with an IPv4 tail is at most 45 characters. The cap
 * comes before any parsing, so nothing past it ever meets isIP or the loops below.
 */
export const MAX_ADDRESS_LENGTH = 45;

/**
 * 4 or 6 for an IP literal, 0 for anything else. A zone id (`fe80::1%eth0`) is refused: neither a flow
 * nor a policy names an interface, and an 80 KB zone id once froze the web process for 8.7 s in a regex.
 */
export function ipFamily(text: string): 0 | 4 | 6 {
  if (text.length > MAX_ADDRESS_LENGTH || text.includes("%")) return 0;
  return isIP(text) as 0 | 4 | 6;
}

/** Why `value` is not a usable CIDR block, or undefined when it is. Host bits must be zero. */
export function cidrProblem(value: string): string | undefined {
  const slash = value.indexOf("/");
  const address = slash === -1 ? value : value.slice(0, slash);
  const family = ipFamily(address);
  if (family === 0) return `"${value.slice(0, 64)}${value.length > 64 ? "…" : ""}" is not an IPv4 or IPv6 CIDR block`;
  const bits = family === 4 ? 32 : 128;
  const prefixText = slash === -1 ? String(bits) : value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
    return `"${value}" has an invalid prefix length (0-${bits})`;
  }
  const prefix = Number(prefixText);
  const host = addressToBigInt(address, family) & ((1n << BigInt(bits - prefix)) - 1n);
  if (host !== 0n) return `"${value}" has host bits set beyond /${prefix}`;
  return undefined;
}

/**
 * A valid IP literal (see ipFamily) as an unsigned integer (IPv4 in 32 bits, IPv6 in 128). One pass over
 * the text, no regex: a backtracking pattern here was quadratic in the input's length.
 */
export function addressToBigInt(address: string, family: 4 | 6 = ipFamily(address) as 4 | 6): bigint {
  if (family === 4) {
    return address.split(".").reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
  }
  let text = address;
  const lastColon = address.lastIndexOf(":");
  if (address.indexOf(".", lastColon) !== -1) {
    // An IPv4 tail (::ffff:10.0.0.1) stands for the last two groups.
    const v4 = addressToBigInt(address.slice(lastColon + 1), 4);
    text = `${address.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(missing).fill("0"), ...tailGroups];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}
