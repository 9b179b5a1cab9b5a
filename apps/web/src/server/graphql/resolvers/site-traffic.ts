import { NotFoundError } from "@patronus/core/errors";
import { listPolicies } from "@patronus/core/policies";
import { getSite, listSites } from "@patronus/core/sites";
import { UNMATCHED_POLICY_ID } from "@patronus/core/traffic/match";
import { getSiteTrafficHistory } from "@patronus/core/traffic/stats";
import type { Db } from "@patronus/core/db";
import type { Resolvers } from "../generated/resolvers";
import { askCollector } from "./collector-calls";

/** Traffic per site (issue 13): docs/api.md, "Traffic per site". */
export const siteTrafficResolvers: Resolvers = {
  Query: {
    site_traffic: (_, args, ctx) =>
      getSiteTrafficHistory(ctx.db, {
        siteId: args.site_id,
        from: args.from,
        to: args.to,
        policyId: args.policy_id ?? undefined,
        maxBuckets: args.max_buckets ?? undefined,
      }),
    site_live_traffic: async (_, args, ctx) => {
      const siteId = args.site_id.toLowerCase();
      // An unknown site is NOT_FOUND here, rather than no traffic from the collector, which knows no names.
      if (siteId !== "" && !getSite(ctx.db, { siteId })) throw new NotFoundError(`site ${siteId} does not exist`);
      const live = await askCollector(ctx, "reading the site's live traffic", (c) => c.siteStats(siteId));
      const name = policyNames(ctx.db);
      const policies = live.policies.map((p) => ({ ...p, name: name(p.policy_id) }));
      return { ...live, policies: policies.sort((a, b) => b.bytes - a.bytes || a.policy_id - b.policy_id) };
    },
    site_live_totals: async (_, __, ctx) => {
      const live = await askCollector(ctx, "reading the sites' live traffic", (c) => c.siteTotals());
      const names = new Map(listSites(ctx.db).map((s) => [s.id, s.name]));
      const sites = live.sites
        .map((s) => ({ ...s, site_name: s.site_id === "" ? null : (names.get(s.site_id) ?? null) }))
        .sort((a, b) => b.bytes - a.bytes);
      return { ...live, sites };
    },
  },
};

function policyNames(db: Db): (policyId: number) => string {
  const names = new Map(listPolicies(db).map((p) => [p.policy_id, p.name]));
  // A policy deleted a moment ago may still be in the collector's answer until its next policy poll.
  return (id) => (id === UNMATCHED_POLICY_ID ? "Unmatched" : (names.get(id) ?? `policy ${id} (deleted)`));
}
