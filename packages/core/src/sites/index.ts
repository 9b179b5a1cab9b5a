export {
  createSite,
  updateSite,
  listSites,
  getSite,
  listPaths,
  listEndpoints,
  recordPathMetrics,
  getLatestPathMetrics,
  type Site,
  type SiteSummary,
  type Endpoint,
  type Path,
  type PathDetail,
  type PathMetrics,
} from "./sites";
export {
  addEndpoint,
  updateEndpoint,
  deleteEndpoint,
  countEndpointDependencies,
  type EndpointInput,
  type EndpointPatch,
  type EndpointDependencies,
  type DeleteEndpointResult,
} from "./endpoints";
export {
  createPath,
  updatePathStatus,
  deletePath,
  countPathDependencies,
  type PathInput,
  type CreatedPath,
  type PathDependencies,
  type DeletePathResult,
} from "./paths";
export type { PathCascade } from "./cascade";
export { countSiteDependencies, deleteSite, type SiteDependencies, type DeleteSiteResult } from "./delete-site";
