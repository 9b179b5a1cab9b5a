import { getPathMetricHistory, ingestPathMetrics, listPathHealth } from "@patronus/core/path-metrics";
import type { Resolvers } from "../generated/resolvers";

export const pathsResolvers: Resolvers = {
  Query: {
    path_health: (_, { site_id, status }, ctx) =>
      listPathHealth(ctx.db, { siteId: site_id ?? undefined, status: status ?? undefined }),
    path_health_of: (_, { path_id }, ctx) => listPathHealth(ctx.db, { pathId: path_id })[0] ?? null,
    path_metric_history: (_, { path_id, from, to, max_buckets }, ctx) =>
      getPathMetricHistory(ctx.db, { pathId: path_id, from, to, maxBuckets: max_buckets ?? undefined }),
  },
  Mutation: {
    // GraphQL has typed the fields; core checks ranges, times and that the paths exist.
    recordPathMetrics: (_, { samples }, ctx) =>
      ingestPathMetrics(
        ctx.db,
        {
          actor: ctx.viewer.email,
          samples: samples.map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== null))),
        },
        ctx.caches,
      ),
  },
};
