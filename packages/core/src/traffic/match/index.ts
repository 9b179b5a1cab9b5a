/**
 * `@patronus/core/traffic/match`: which policy a flow belongs to. Pure; the collector runs it on every record
 * and the web app on a route decision (`@patronus/core/routing`).
 */
export { PolicyMatcher, UNMATCHED_POLICY_ID, type MatchablePolicy, type PolicyClassifier } from "./policy-matcher";
export { flowKey, type FlowKey, type FlowKeyInput } from "./flow-key";
