import { writeAudit } from "@patronus/core/audit";
import { clearCachesEverywhere, CollectorUnavailableError } from "@patronus/core/traffic/control";
import type { CacheStats, Resolvers } from "../generated/resolvers";

export const cachesResolvers: Resolvers = {
  Query: {
    cache_stats: async (_, __, ctx) => {
      const web = ctx.registry.stats().map((s) => ({ ...s, process: "web" }));
      let collector: CacheStats[] = [];
      try {
        collector = ((await ctx.collector?.cacheStats()) ?? []).map((s) => ({ ...s, process: "collector" }));
      } catch (error) {
        if (!(error instanceof CollectorUnavailableError)) throw error;
      }
      return [...web, ...collector];
    },
  },
  Mutation: {
    clearCache: async (_, __, ctx) => {
      const { cleared_entries, collector_reached } = await clearCachesEverywhere(ctx.registry, ctx.collector);
      writeAudit(ctx.db, {
        actor: ctx.viewer.email,
        action: "cache.clear",
        target: "caches",
        outcome: "success",
        details: { cleared_entries, collector_reached },
      });
      const message = collector_reached
        ? `Cleared ${cleared_entries} entries from the web and collector caches.`
        : `Cleared ${cleared_entries} entries from the web caches; the collector could not be reached, so its caches were not cleared.`;
      return { success: true, message, cleared_entries };
    },
  },
};
