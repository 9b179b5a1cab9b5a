import { writeAudit } from "@patronus/core/audit";
import { clearCachesEverywhere, CollectorUnavailableError } from "@patronus/core/traffic/control";
import type { Context } from "../context";

export const cachesResolvers = {
  Query: {
    cache_stats: async (_: unknown, __: unknown, ctx: Context) => {
      const web = ctx.registry.stats().map((s) => ({ ...s, process: "web" }));
      let collector: unknown[] = [];
      try {
        collector = ((await ctx.collector?.cacheStats()) ?? []).map((s) => ({ ...s, process: "collector" }));
      } catch (error) {
        if (!(error instanceof CollectorUnavailableError)) throw error;
      }
      return [...web, ...collector];
    },
  },
  Mutation: {
    clearCache: async (_: unknown, __: unknown, ctx: Context) => {
      const { cleared_entries, collector_reached } = await clearCachesEverywhere(ctx.registry, ctx.collector);
      writeAudit(ctx.db, {
        actor: ctx.viewer!.email,
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
