export { TrafficStatsCollector } from "./traffic-stats-collector";
export type {
  PolicyStats,
  FlowStats,
  TrafficTotals,
  CollectorEngineStatus,
  PolicySnapshot,
  TrafficStatsCollectorOptions,
} from "./traffic-stats-collector";
export { PolicyMatcher, UNMATCHED_POLICY_ID, type MatchablePolicy, type PolicyClassifier } from "./policy-matcher";
export { flowKey, type FlowKey, type FlowKeyInput } from "./flow-key";
export {
  storePolicyStats,
  getLatestPolicyStats,
  getLatestStatsOfAllPolicies,
  pruneStatsBefore,
  saveCollectorState,
  loadCollectorState,
  type PolicyStatsRow,
  type PolicyCounters,
} from "./snapshots";
export { restoreCollector, writeSnapshot, loadFlowTemplates, storeTemplateChanges } from "./persistence";
export {
  getTrafficHistory,
  getTrafficHistoryByPolicy,
  getTrafficHistoryWithPolicies,
  exportPolicyStats,
  type TrafficHistory,
  type TrafficHistoryParams,
  type TrafficPoint,
  type PolicyTrafficHistory,
  type PolicyStatsExportRow,
} from "./history";
export {
  createCollectorClient,
  loadOrCreateControlSecret,
  clearCachesEverywhere,
  CollectorUnavailableError,
  CollectorProtocolError,
  type CollectorClient,
} from "./control";
export {
  controlEndpoints,
  controlErrorSchema,
  describeIssues,
  MAX_TOP_FLOWS,
  type ControlEndpoint,
  type ControlEndpoints,
  type ControlEndpointName,
  type ControlRequest,
  type ControlParams,
  type ControlResponse,
  type CollectorStatusReport,
  type LiveStats,
  type CacheStatsReport,
} from "./control-protocol";
export {
  ExporterGate,
  createExporterVerdictCache,
  parseExporterList,
  exporterAddressesVersion,
  listExporterAddresses,
  type ExporterList,
  type ExporterGateOptions,
  type UnknownExporter,
} from "./exporter-gate";
