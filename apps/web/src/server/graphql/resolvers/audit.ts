import { queryAuditLog } from "@patronus/core/audit/query";
import type { Resolvers } from "../generated/resolvers";

export const auditResolvers: Resolvers = {
  Query: {
    audit_log: (_, { filter, after, limit }, ctx) => {
      const page = queryAuditLog(ctx.db, {
        // GraphQL's null means "not given", as an omitted field does.
        filter: Object.fromEntries(Object.entries(filter ?? {}).filter(([, value]) => value != null)),
        after,
        limit: limit ?? undefined,
      });
      return {
        next_cursor: page.next_cursor,
        entries: page.entries.map((entry) => ({
          ...entry,
          id: String(entry.id),
          details: JSON.stringify(entry.details),
        })),
      };
    },
  },
};
