import { CollectorUnavailableError, type CollectorStatusReport } from "@patronus/core/traffic/control";
import { UNMATCHED_POLICY_ID } from "@patronus/core/traffic/match";
import type { Context } from "../context";
import { requireRole } from "../guards";

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
  CollectorStatus: {
    // Who probes the flow port is for admins; the rest of the status is for any viewer.
    unknown_exporters: (status: CollectorStatusReport, _: unknown, ctx: Context) => {
      requireRole(ctx, "admin", "collector.unknown_exporters");
      return status.unknown_exporters;
    },
  },
};
