import { decideRoute } from "@patronus/core/routing";
import type { Resolvers } from "../generated/resolvers";

export const routingResolvers: Resolvers = {
  Query: {
    route: (_, { source_site_id, destination_site_id, flow }, ctx) => {
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
