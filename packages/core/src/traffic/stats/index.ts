/**
 * `@patronus/core/traffic/stats`: the per-policy snapshots in the database. The collector writes and prunes
 * them; the web app reads the latest, the history and the CSV export.
 */
export {
  storePolicyStats,
  getLatestPolicyStats,
  getLatestStatsOfAllPolicies,
  pruneStatsBefore,
  type PolicyStatsRow,
  type PolicyCounters,
} from "./snapshots";
export {
  getTrafficHistory,
  getTrafficHistoryByPolicy,
  getTrafficHistoryWithPolicies,
  exportPolicyStats,
  MAX_POLICY_POINTS,
  type OtherPoliciesHistory,
  type TrafficHistory,
  type TrafficHistoryParams,
  type TrafficPoint,
  type PolicyTrafficHistory,
  type PolicyStatsExportRow,
} from "./history";
export { pruneStatsStep, ROLLUP_LEVELS, type RollupLevel, type StatsRetention } from "./rollups";
export { getPolicySparklines, type PolicySparkline, type PolicySparklines } from "./sparklines";
export {
  storeSiteRises,
  pruneSiteTrafficStep,
  getSiteTrafficHistory,
  countSiteTrafficRows,
  removeSiteTraffic,
  type SitePolicyRise,
  type SiteTrafficHistory,
  type SiteTrafficPoint,
} from "./site-traffic";
