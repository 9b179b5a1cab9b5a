/**
 * `@patronus/core/traffic/control`: the collector's control interface, both sides of it: the request and
 * response schemas (the collector's server validates with them) and the client the web app calls it with.
 */
export {
  createCollectorClient,
  loadOrCreateControlSecret,
  clearCachesEverywhere,
  CollectorUnavailableError,
  CollectorProtocolError,
  type CollectorClient,
} from "./client";
export {
  controlEndpoints,
  controlErrorSchema,
  describeIssues,
  MAX_TOP_FLOWS,
  MAX_PREVIEW_POLICIES,
  MAX_PREVIEW_TOP,
  MAX_PREVIEW_BODY_BYTES,
  MAX_CONTROL_BODY_BYTES,
  MAX_OTHER_EXPORTERS,
  type PreviewReport,
  type PreviewPolicy,
  type ControlEndpoint,
  type ControlEndpoints,
  type ControlEndpointName,
  type ControlRequest,
  type ControlParams,
  type ControlResponse,
  type CollectorStatusReport,
  type LiveStats,
  type SiteStats,
  type SiteTotals,
  type CacheStatsReport,
} from "./protocol";
