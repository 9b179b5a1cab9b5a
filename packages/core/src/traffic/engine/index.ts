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
} from "./traffic-stats-collector";
export { restoreCollector, writeSnapshot, loadFlowTemplates, storeTemplateChanges } from "./persistence";
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
