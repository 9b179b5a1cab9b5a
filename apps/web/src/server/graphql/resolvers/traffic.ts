import { CollectorUnavailableError } from "@patronus/core/traffic/control";
import { UNMATCHED_POLICY_ID } from "@patronus/core/traffic/match";
import type { Resolvers } from "../generated/resolvers";
import { requireRole } from "../guards";

export const trafficResolvers: Resolvers = {
  Query: {
    traffic_stats: async (_, __, ctx) => {
      const view = await ctx.traffic();
      const policies = [...view.byPolicy.values()].filter((p) => p.policy_id !== UNMATCHED_POLICY_ID);
      return { ...view, policies, unmatched: view.byPolicy.get(UNMATCHED_POLICY_ID) ?? null };
    },
    collector_status: async (_, __, ctx) => {
      try {
        return (await ctx.collector?.status()) ?? null;
      } catch (error) {
        if (error instanceof CollectorUnavailableError) return null;
        throw error;
      }
    },
  },
  CollectorStatus: {
    // Who probes the flow port is for admins; the rest of the status is for any viewer.
    unknown_exporters: (status, _, ctx) => {
      requireRole(ctx, "admin", "collector.unknown_exporters");
      return status.unknown_exporters;
    },
  },
};
