export { TrafficStatsCollector } from "./traffic-stats-collector";
export type {
  PolicyStats,
  FlowStats,
  TrafficTotals,
  CollectorStatus,
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
  type CollectorClient,
  type CollectorStatusReport,
  type LiveStats,
  type CacheStatsReport,
} from "./control";
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
