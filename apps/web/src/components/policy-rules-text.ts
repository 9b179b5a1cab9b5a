import { NAMED_DSCP, NAMED_PROTOCOLS } from "./policy-form/catalog";

/** The DiffServ name of a DSCP value (EF, AFxy, CSn), as the form's picker names it; undefined for the rest. */
export function dscpName(dscp: number): string | undefined {
  return NAMED_DSCP.find((d) => d.value === dscp)?.name;
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
  const protocols = rules.protocols.map((p) => NAMED_PROTOCOLS.find((n) => n.value === p)?.name ?? `protocol ${p}`);
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
