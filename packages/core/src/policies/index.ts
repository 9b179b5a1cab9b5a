export {
  createPolicy,
  updatePolicy,
  setPolicyEnabled,
  deletePolicy,
  reorderPolicies,
  countPolicyDependencies,
  getPolicy,
  listPolicies,
  policiesVersion,
  type PolicyDependencies,
  type DeletePolicyResult,
} from "./policies";
export {
  draftPolicies,
  MAX_REORDER,
  type Policy,
  type PolicyInput,
  type PolicyPatch,
  type PolicyChange,
  type PriorityChange,
} from "./draft";
export { matchRulesSchema, cidrProblem, MAX_RULE_ENTRIES, type MatchRules, type PortRange } from "./match-rules";
