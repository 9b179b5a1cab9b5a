/** IANA protocol numbers an admin knows by name; the rest are written as numbers. */
const PROTOCOL_NAMES: Record<number, string> = {
  1: "ICMP",
  6: "TCP",
  17: "UDP",
  47: "GRE",
  50: "ESP",
  51: "AH",
  58: "ICMPv6",
  132: "SCTP",
};

/**
 * The DiffServ name of a DSCP value: class selectors CSn = 8n (RFC 2474), assured forwarding AFxy =
 * 8x + 2y (RFC 2597), expedited forwarding EF = 46 (RFC 3246); undefined for the rest.
 */
export function dscpName(dscp: number): string | undefined {
  if (dscp === 46) return "EF";
  if (dscp % 8 === 0 && dscp <= 56) return `CS${dscp / 8}`;
  const x = Math.floor(dscp / 8);
  const y = (dscp % 8) / 2;
  if (x >= 1 && x <= 4 && [1, 2, 3].includes(y)) return `AF${x}${y}`;
  return undefined;
}

const or = new Intl.ListFormat("en", { type: "disjunction" });

/** Policy.rules as the API gives them: ports as "443" or "10000-20000"; an empty list matches anything. */
export interface Rules {
  source_cidrs: readonly string[];
  destination_cidrs: readonly string[];
  source_ports: readonly string[];
  destination_ports: readonly string[];
  protocols: readonly number[];
  dscp: readonly number[];
}

/** One side of a flow: "from 10.1.0.0/16 port 1024–65535"; empty when both its lists are (any). */
function side(word: "from" | "to", cidrs: readonly string[], ports: readonly string[]): string | undefined {
  if (cidrs.length === 0 && ports.length === 0) return undefined;
  const addresses = cidrs.length === 0 ? "any address" : or.format(cidrs);
  const portText = ports.length === 0 ? "" : ` port ${or.format(ports.map((p) => p.replace("-", "–")))}`;
  return `${word} ${addresses}${portText}`;
}

/**
 * A policy's match rules in words: "UDP or TCP to 10.0.0.0/8 port 5060 or 10000–20000, DSCP EF (46)".
 * An empty list matches anything, so it is left out, or said as "any" where the sentence needs a word.
 */
export function policyRulesText(rules: Rules): string {
  const protocols = rules.protocols.map((p) => PROTOCOL_NAMES[p] ?? `protocol ${p}`);
  const sides = [
    side("from", rules.source_cidrs, rules.source_ports),
    side("to", rules.destination_cidrs, rules.destination_ports),
  ].filter((s) => s !== undefined);
  const dscp = rules.dscp.map((d) => {
    const name = dscpName(d);
    return name === undefined ? String(d) : `${name} (${d})`;
  });
  if (protocols.length === 0 && sides.length === 0 && dscp.length === 0) return "Any traffic";
  const head = [protocols.length === 0 ? "any protocol" : or.format(protocols), ...sides].join(" ");
  const text = dscp.length === 0 ? head : `${head}, DSCP ${or.format(dscp)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
