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
  type ControlEndpoint,
  type ControlEndpoints,
  type ControlEndpointName,
  type ControlRequest,
  type ControlParams,
  type ControlResponse,
  type CollectorStatusReport,
  type LiveStats,
  type CacheStatsReport,
} from "./protocol";
