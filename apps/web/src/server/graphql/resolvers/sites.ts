import { NotFoundError, ValidationError } from "@patronus/core/errors";
import { plural } from "@patronus/core/format";
import { latestPathMetrics } from "@patronus/core/routing";
import {
  countSiteDependencies,
  deleteSite,
  getSite,
  listPaths,
  listSites,
  type DeleteSiteResult,
} from "@patronus/core/sites";
import type { Resolvers } from "../generated/resolvers";

export const sitesResolvers: Resolvers = {
  Query: {
    sites: (_, __, ctx) => listSites(ctx.db),
    site: (_, { id }, ctx) => getSite(ctx.db, { siteId: id }) ?? null,
    site_dependencies: (_, { site_id }, ctx) => countSiteDependencies(ctx.db, site_id),
    paths: (_, __, ctx) => listPaths(ctx.db),
  },
  Mutation: {
    // Core audits every outcome and announces the deletion; a bad or unknown id is an answer, not a fault.
    deleteSite: (_, { site_id }, ctx) => {
      try {
        return deleted(deleteSite(ctx.db, { siteId: site_id, actor: ctx.viewer.email }));
      } catch (error) {
        if (!(error instanceof ValidationError || error instanceof NotFoundError)) throw error;
        return { ...nothingDeleted, success: false, message: error.message, code: error.code };
      }
    },
  },
  Path: {
    latest_metrics: (path, _, ctx) => latestPathMetrics(ctx.db, { pathId: path.id }, ctx.caches) ?? null,
  },
};

const nothingDeleted = { endpoints_deleted: 0, paths_deleted: 0, path_metrics_deleted: 0, unpinned_policies: [] };

function deleted(result: DeleteSiteResult) {
  const unpinned = result.pinned_policies.map((p) => p.name);
  return {
    success: true,
    message:
      `Deleted site ${result.site_name} with ${plural(result.endpoints, "endpoint")}, ${plural(result.paths, "path")} ` +
      `and ${plural(result.path_metrics, "path metric row")}.` +
      (unpinned.length > 0
        ? ` Unpinned ${plural(unpinned.length, "policy", "policies")}: ${unpinned.join(", ")}.`
        : ""),
    code: null,
    site_id: result.site_id,
    site_name: result.site_name,
    endpoints_deleted: result.endpoints,
    paths_deleted: result.paths,
    path_metrics_deleted: result.path_metrics,
    unpinned_policies: result.pinned_policies,
    audit_id: result.audit_id,
  };
}
