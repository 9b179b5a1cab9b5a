import { z } from "zod";
import { clip, hostBitsSet, ipFamily, parseCidr } from "../net/ip";

/**
 * What a routing policy matches. Every rule is optional; an absent rule matches anything, and so does an
 * empty list (an admin who clears a list means "any"; the schema drops it, so it is never stored). A rule
 * with entries matches when any of them does. Stored as JSON in sdwan_policies.match_rules.
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
        ctx.addIssue({
          code: "custom",
          message: `"${text}" is not a port or port range (0-65535, e.g. "5060" or "10000-20000")`,
        });
        return z.NEVER;
      }
      return { from, to };
    }),
    z.object({ from: port, to: port }),
  ])
  .refine((r) => r.from <= r.to, { message: "port range must run from low to high" });

/**
 * Entries a rule may hold. The collector compiles every enabled policy's rules on each change; 1,000
 * policies of 1,000 CIDRs each is far past any real network and still compiles in bounded time.
 */
export const MAX_RULE_ENTRIES = 1000;

const entries = <T extends z.ZodType>(entry: T) =>
  z.array(entry).max(MAX_RULE_ENTRIES, `must hold at most ${MAX_RULE_ENTRIES} entries`).optional();

export const matchRulesSchema = z
  .object({
    source_cidrs: entries(cidr),
    destination_cidrs: entries(cidr),
    source_ports: entries(portRange),
    destination_ports: entries(portRange),
    protocols: entries(z.number().int().min(0).max(255)),
    dscp: entries(z.number().int().min(0).max(63)),
  })
  .strict()
  .transform(withoutEmptyLists);

function withoutEmptyLists<T extends Record<string, unknown[] | undefined>>(rules: T): T {
  return Object.fromEntries(Object.entries(rules).filter(([, list]) => list !== undefined && list.length > 0)) as T;
}

/** Why `value` is not a usable CIDR block, or undefined when it is. Host bits must be zero. */
export function cidrProblem(value: string): string | undefined {
  const parsed = parseCidr(value);
  if ("error" in parsed) {
    if (parsed.error === "address") return `"${clip(value)}" is not an IPv4 or IPv6 CIDR block`;
    return `"${value}" has an invalid prefix length (0-${ipFamily(value.slice(0, value.indexOf("/"))) === 4 ? 32 : 128})`;
  }
  if (hostBitsSet(parsed.cidr)) return `"${value}" has host bits set beyond /${parsed.cidr.prefix}`;
  return undefined;
}
