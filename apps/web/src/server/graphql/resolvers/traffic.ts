import { CollectorUnavailableError, UNMATCHED_POLICY_ID } from "@patronus/core/traffic";
import type { Context } from "../context";

export const trafficResolvers = {
  Query: {
    traffic_stats: async (_: unknown, __: unknown, ctx: Context) => {
      const view = await ctx.traffic();
      const policies = [...view.byPolicy.values()].filter((p) => p.policy_id !== UNMATCHED_POLICY_ID);
      return { ...view, policies, unmatched: view.byPolicy.get(UNMATCHED_POLICY_ID) ?? null };
    },
    collector_status: async (_: unknown, __: unknown, ctx: Context) => {
      try {
        return (await ctx.collector?.status()) ?? null;
      } catch (error) {
        if (error instanceof CollectorUnavailableError) return null;
        throw error;
      }
    },
  },
};
