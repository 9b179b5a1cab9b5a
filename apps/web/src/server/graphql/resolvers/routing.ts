import { decideRoute } from "@patronus/core/routing";
import type { Context } from "../context";

interface FlowInput {
  source: string;
  destination: string;
  source_port: number;
  destination_port: number;
  protocol: number;
  dscp?: number | null;
}

export const routingResolvers = {
  Query: {
    route: (
      _: unknown,
      {
        source_site_id,
        destination_site_id,
        flow,
      }: { source_site_id: string; destination_site_id: string; flow: FlowInput },
      ctx: Context,
    ) => {
      const { decision, cached } = decideRoute(
        ctx.db,
        {
          sourceSiteId: source_site_id,
          destinationSiteId: destination_site_id,
          flow: {
            src: flow.source,
            dst: flow.destination,
            srcPort: flow.source_port,
            dstPort: flow.destination_port,
            protocol: flow.protocol,
            dscp: flow.dscp ?? undefined,
          },
        },
        ctx.caches,
      );
      return { ...decision, cache_hit: cached };
    },
  },
};
