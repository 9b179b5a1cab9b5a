import { latestPathMetrics } from "@patronus/core/routing";
import { getSite, listPaths, listSites, type PathDetail } from "@patronus/core/sites";
import type { Context } from "../context";

export const sitesResolvers = {
  Query: {
    sites: (_: unknown, __: unknown, ctx: Context) => listSites(ctx.db),
    site: (_: unknown, { id }: { id: string }, ctx: Context) => getSite(ctx.db, { siteId: id }) ?? null,
    paths: (_: unknown, __: unknown, ctx: Context) => listPaths(ctx.db),
  },
  Path: {
    latest_metrics: (path: PathDetail, _: unknown, ctx: Context) => latestPathMetrics(ctx.db, { pathId: path.id }, ctx.caches) ?? null,
  },
};
