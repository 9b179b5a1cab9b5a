export {
  createSite,
  listSites,
  getSite,
  addEndpoint,
  createPath,
  listPaths,
  recordPathMetrics,
  getLatestPathMetrics,
  type Site,
  type SiteSummary,
  type Endpoint,
  type Path,
  type PathDetail,
  type PathMetrics,
} from "./sites";
export { countSiteDependencies, deleteSite, type SiteDependencies, type DeleteSiteResult } from "./delete-site";
