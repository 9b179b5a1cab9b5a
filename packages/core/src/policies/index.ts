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
export { matchRulesSchema, cidrProblem, addressToBigInt, ipFamily, MAX_ADDRESS_LENGTH, type MatchRules, type PortRange } from "./match-rules";
