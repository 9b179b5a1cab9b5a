import { ipFamily } from "@patronus/core/net";
import { MAX_RULE_ENTRIES, matchRulesSchema } from "@patronus/core/policies/rules";
import type {
  MatchRulesInput,
  PathPreference,
  PolicyChangeInput,
  PolicyInput,
  PolicyFieldsFragment,
  PolicyPatch,
} from "../../graphql/graphql";
import { NAMED_DSCP, NAMED_PROTOCOLS } from "./catalog";

/*
 * The policy form's state and its rules, as pure functions so they are tested without a browser. Field keys
 * are the API's `extensions.field` paths ("match_rules.source_cidrs[1]"), so an error from the server and one
 * found while typing land on the same input. Rules are checked by core's own schema (matchRulesSchema), so
 * the form never accepts a CIDR or a port range the server would refuse, nor the reverse.
 */

export type RuleList = "source_cidrs" | "destination_cidrs" | "source_ports" | "destination_ports";
export const RULE_LISTS: readonly RuleList[] = [
  "source_cidrs",
  "destination_cidrs",
  "source_ports",
  "destination_ports",
];

export interface PolicyDraft {
  name: string;
  description: string;
  /** As typed; checked to be an integer 0-1000. */
  priority: string;
  enabled: boolean;
  path_preference: PathPreference;
  /** "" when the policy is not pinned. */
  pinned_path_id: string;
  /** One entry per input row; a row left blank is an error, never a silent "any". */
  source_cidrs: string[];
  destination_cidrs: string[];
  source_ports: string[];
  destination_ports: string[];
  /** Named protocols ticked; `other_protocols` holds the rest, typed as numbers. */
  protocols: number[];
  other_protocols: string;
  dscp: number[];
  other_dscp: string;
}

/** What the form reads of a saved policy (the `PolicyFields` fragment). */
export type SavedPolicy = PolicyFieldsFragment;

export function emptyDraft(): PolicyDraft {
  return {
    name: "",
    description: "",
    priority: "100",
    enabled: true,
    path_preference: "lowest_latency",
    pinned_path_id: "",
    source_cidrs: [],
    destination_cidrs: [],
    source_ports: [],
    destination_ports: [],
    protocols: [],
    other_protocols: "",
    dscp: [],
    other_dscp: "",
  };
}

const named = (catalog: readonly { value: number }[], values: number[]) => {
  const names = new Set(catalog.map((c) => c.value));
  return { ticked: values.filter((v) => names.has(v)), other: values.filter((v) => !names.has(v)).join(", ") };
};

export function draftFromPolicy(policy: SavedPolicy): PolicyDraft {
  const protocols = named(NAMED_PROTOCOLS, policy.rules.protocols);
  const dscp = named(NAMED_DSCP, policy.rules.dscp);
  return {
    name: policy.name,
    description: policy.description,
    priority: String(policy.priority),
    enabled: policy.enabled,
    path_preference: policy.path_preference as PathPreference,
    pinned_path_id: policy.pinned_path_id == null ? "" : String(policy.pinned_path_id),
    source_cidrs: [...policy.rules.source_cidrs],
    destination_cidrs: [...policy.rules.destination_cidrs],
    source_ports: [...policy.rules.source_ports],
    destination_ports: [...policy.rules.destination_ports],
    protocols: protocols.ticked,
    other_protocols: protocols.other,
    dscp: dscp.ticked,
    other_dscp: dscp.other,
  };
}

/** Numbers typed in an "other" box: separated by commas or spaces; NaN marks a word that is not one. */
function typedNumbers(text: string): number[] {
  return text
    .split(/[\s,]+/)
    .filter((word) => word !== "")
    .map((word) => (/^\d{1,3}$/.test(word) ? Number(word) : NaN));
}

const merged = (ticked: number[], other: string) =>
  [...new Set([...ticked, ...typedNumbers(other)])].sort((a, b) => a - b);

/** The draft's rules as the API takes them; every list sent, so an empty one says "any" on purpose. */
export function draftRules(
  draft: PolicyDraft,
): Required<{ [K in keyof MatchRulesInput]: NonNullable<MatchRulesInput[K]> }> {
  return {
    source_cidrs: draft.source_cidrs.map((c) => c.trim()),
    destination_cidrs: draft.destination_cidrs.map((c) => c.trim()),
    source_ports: draft.source_ports.map((p) => p.trim()),
    destination_ports: draft.destination_ports.map((p) => p.trim()),
    protocols: merged(draft.protocols, draft.other_protocols),
    dscp: merged(draft.dscp, draft.other_dscp),
  };
}

export type FieldProblems = Map<string, string>;

const BLANK_ROW: Record<RuleList, string> = {
  source_cidrs: "empty: type a CIDR block such as 10.0.0.0/8, or remove this row",
  destination_cidrs: "empty: type a CIDR block such as 10.0.0.0/8, or remove this row",
  source_ports: 'empty: type a port or a range such as "443" or "10000-20000", or remove this row',
  destination_ports: 'empty: type a port or a range such as "443" or "10000-20000", or remove this row',
};

// Zod's own wording for an out-of-range number ("Too big: expected number to be <=255") names no unit.
const RANGE_MESSAGE: Record<string, string> = {
  protocols: "protocol numbers run from 0 to 255",
  dscp: "DSCP values run from 0 to 63",
};

/**
 * Everything wrong with the draft, keyed by field, in the order the form shows the fields (so the first
 * key is the input to focus). Empty when the draft can be saved.
 */
export function draftProblems(draft: PolicyDraft): FieldProblems {
  const problems: FieldProblems = new Map();
  const name = draft.name.trim();
  if (name === "") problems.set("name", "must not be empty");
  else if (name.length > 100) problems.set("name", "must be at most 100 characters");
  if (draft.description.length > 1000) problems.set("description", "must be at most 1000 characters");
  if (!/^\d{1,4}$/.test(draft.priority.trim()) || Number(draft.priority) > 1000) {
    problems.set("priority", "must be a whole number from 0 to 1000");
  }

  const rules = draftRules(draft);
  const found = new Map<string, string>();
  for (const list of RULE_LISTS) {
    if (rules[list].length > MAX_RULE_ENTRIES)
      found.set(`match_rules.${list}`, `must hold at most ${MAX_RULE_ENTRIES} entries`);
    rules[list].forEach((entry, i) => entry === "" && found.set(`match_rules.${list}[${i}]`, BLANK_ROW[list]));
  }
  if (rules.protocols.some(Number.isNaN))
    found.set("match_rules.protocols", "type protocol numbers 0-255, separated by commas");
  if (rules.dscp.some(Number.isNaN)) found.set("match_rules.dscp", "type DSCP values 0-63, separated by commas");

  const parsed = matchRulesSchema.safeParse(rules);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [list, index] = issue.path;
      // Protocols and DSCP have one input each, whatever the entry.
      const key =
        list === "protocols" || list === "dscp" || index === undefined
          ? `match_rules.${String(list)}`
          : `match_rules.${String(list)}[${String(index)}]`;
      if (!found.has(key)) found.set(key, RANGE_MESSAGE[String(list)] ?? issue.message);
    }
  }
  const familyClash = familyProblem(rules.source_cidrs, rules.destination_cidrs);
  if (familyClash && !found.has("match_rules.destination_cidrs[0]"))
    found.set("match_rules.destination_cidrs[0]", familyClash);

  for (const key of fieldOrder(draft)) {
    const problem = found.get(key);
    if (problem) problems.set(key, problem);
  }
  return problems;
}

/**
 * An IPv4 block never matches IPv6 traffic: source blocks all of one family and destination blocks all of
 * the other make a policy that matches nothing, which nobody means.
 */
export function familyProblem(sources: string[], destinations: string[]): string | undefined {
  const family = (cidrs: string[]) => {
    const families = new Set(cidrs.map((c) => ipFamily(c.slice(0, c.indexOf("/")))));
    return families.size === 1 ? [...families][0] : undefined;
  };
  const [s, d] = [family(sources), family(destinations)];
  if (!s || !d || s === d) return undefined;
  return `every source block is IPv${s} and every destination block IPv${d}: no flow can match both, so the policy would match nothing`;
}

/** The draft's field keys in the order the form shows them. */
export function fieldOrder(draft: PolicyDraft): string[] {
  return [
    "name",
    "description",
    "priority",
    "enabled",
    "path_preference",
    "pinned_path_id",
    ...RULE_LISTS.flatMap((list) => [`match_rules.${list}`, ...draft[list].map((_, i) => `match_rules.${list}[${i}]`)]),
    "match_rules.protocols",
    "match_rules.dscp",
  ];
}

/**
 * The input a field key names. An API path the form has no input for by that name falls back to its list
 * ("match_rules.protocols[3]" to the protocol picker); undefined when nothing fits.
 */
export function inputKeyFor(draft: PolicyDraft, apiField: string): string | undefined {
  const keys = new Set(fieldOrder(draft));
  if (keys.has(apiField)) return apiField;
  const list = apiField.replace(/\[\d+\]$/, "");
  return keys.has(list) ? list : undefined;
}

/** The DOM id of a field's input. */
export const inputId = (key: string) => `policy-${key.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, "")}`;

export function draftToInput(draft: PolicyDraft): PolicyInput {
  return {
    name: draft.name.trim(),
    description: draft.description,
    priority: Number(draft.priority),
    enabled: draft.enabled,
    path_preference: draft.path_preference,
    pinned_path_id: draft.pinned_path_id === "" ? null : draft.pinned_path_id,
    match_rules: draftRules(draft),
  };
}

/** The fields `draft` changes from `saved`, as updatePolicy takes them; match_rules goes whole or not at all. */
export function draftToPatch(saved: PolicyDraft, draft: PolicyDraft): PolicyPatch {
  const before = draftToInput(saved);
  const after = draftToInput(draft);
  const patch: PolicyPatch = {};
  if (after.name !== before.name) patch.name = after.name;
  if (after.description !== before.description) patch.description = after.description;
  if (after.priority !== before.priority) patch.priority = after.priority;
  if (after.enabled !== before.enabled) patch.enabled = after.enabled;
  if (after.path_preference !== before.path_preference) patch.path_preference = after.path_preference;
  if (after.pinned_path_id !== before.pinned_path_id) patch.pinned_path_id = after.pinned_path_id;
  if (JSON.stringify(after.match_rules) !== JSON.stringify(before.match_rules)) patch.match_rules = after.match_rules;
  return patch;
}

/**
 * The change saving the draft would make, for the preview: null while the draft is invalid or changes
 * nothing. An edit that only turns the policy on or off is a set_enabled change, as the save sends it.
 */
export function draftChange(
  draft: PolicyDraft,
  saved?: { policyId: string; draft: PolicyDraft },
): PolicyChangeInput | null {
  if (draftProblems(draft).size > 0) return null;
  if (!saved) return { kind: "create", input: draftToInput(draft) };
  const patch = draftToPatch(saved.draft, draft);
  const fields = Object.keys(patch);
  if (fields.length === 0) return null;
  if (fields.length === 1 && patch.enabled != null) {
    return { kind: "set_enabled", policy_id: saved.policyId, enabled: patch.enabled };
  }
  return { kind: "update", policy_id: saved.policyId, patch };
}
