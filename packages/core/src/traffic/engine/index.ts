/**
 * `@patronus/core/traffic/engine`: the collector's in-memory engine, run by the collector process only: the
 * per-policy counters and flow table, the exporter gate, and writing and restoring their state.
 */
export { TrafficStatsCollector } from "./traffic-stats-collector";
export type {
  PolicyStats,
  FlowStats,
  TrafficTotals,
  CollectorEngineStatus,
  PolicySnapshot,
  TrafficStatsCollectorOptions,
  LiveFlows,
  SitePolicyTraffic,
  SiteRise,
} from "./traffic-stats-collector";
export {
  previewMatcher,
  MIN_RATE_SPAN_MS,
  flowRates,
  type MatcherPreview,
  type PolicyMove,
  type MovedFlow,
  type PreviewOptions,
} from "./preview";
export { restoreCollector, writeSnapshot, loadFlowTemplates, storeTemplateChanges } from "./persistence";
export {
  ExporterGate,
  createExporterVerdictCache,
  parseExporterList,
  exporterAddressesVersion,
  listExporterAddresses,
  listExporterEndpoints,
  NOT_AN_ENDPOINT,
  type ExporterEndpoint,
  type ExporterList,
  type ExporterGateOptions,
  type UnknownExporter,
} from "./exporter-gate";
export { siteStatsOf, siteTotalsOf } from "./site-reports";
