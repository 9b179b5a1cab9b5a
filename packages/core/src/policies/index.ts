export {
  createPolicy,
  updatePolicy,
  deletePolicy,
  getPolicy,
  listPolicies,
  policiesVersion,
  type Policy,
  type PolicyInput,
} from "./policies";
export { matchRulesSchema, cidrProblem, type MatchRules, type PortRange } from "./match-rules";
