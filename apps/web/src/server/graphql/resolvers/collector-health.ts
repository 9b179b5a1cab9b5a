import { CollectorHealthTracker } from "@patronus/core/health";
import { CollectorUnavailableError, type CollectorClient } from "@patronus/core/traffic/control";
import { env } from "~/env";
import type { Resolvers } from "../generated/resolvers";

// One tracker per collector client (the process has one; each test its own), so rises are judged
// across every dashboard's polls. An unconfigured collector shares the `none` one.
const trackers = new WeakMap<CollectorClient, CollectorHealthTracker>();
const none = new CollectorHealthTracker(env.PATRONUS_SNAPSHOT_INTERVAL_MS);

function trackerOf(collector: CollectorClient | undefined): CollectorHealthTracker {
  if (!collector) return none;
  let tracker = trackers.get(collector);
  if (!tracker) trackers.set(collector, (tracker = new CollectorHealthTracker(env.PATRONUS_SNAPSHOT_INTERVAL_MS)));
  return tracker;
}

export const collectorHealthResolvers: Resolvers = {
  Query: {
    collector_health: async (_, __, ctx) => {
      let report;
      try {
        report = await ctx.collector?.status();
      } catch (error) {
        if (!(error instanceof CollectorUnavailableError)) throw error;
      }
      const checked_at = Date.now();
      return { checked_at, problems: trackerOf(ctx.collector).observe(checked_at, report) };
    },
  },
};
