import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { isDomainError } from "@patronus/core/errors";
import type { Context } from "./context";
import { guardRootFields } from "./guards";
import { cachesResolvers } from "./resolvers/caches";
import { policiesResolvers } from "./resolvers/policies";
import { routingResolvers } from "./resolvers/routing";
import { sitesResolvers } from "./resolvers/sites";
import { tokensResolvers } from "./resolvers/tokens";
import { trafficResolvers } from "./resolvers/traffic";
import { trafficHistoryResolvers } from "./resolvers/traffic-history";
import { usersResolvers } from "./resolvers/users";

export const typeDefs = readFileSync(new URL("./schema.graphql", import.meta.url), "utf8");

export const resolvers = guardRootFields([sitesResolvers, policiesResolvers, trafficResolvers, routingResolvers, cachesResolvers, tokensResolvers, trafficHistoryResolvers, usersResolvers]);

export function createApolloServer(): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs,
    resolvers,
    introspection: true,
    // Core's typed errors carry their code (VALIDATION, NOT_FOUND, CONFLICT) and the offending field.
    formatError: (formatted, error) => {
      const original = (error as { originalError?: unknown }).originalError;
      if (!isDomainError(original)) return formatted;
      return { ...formatted, extensions: { ...formatted.extensions, code: original.code, field: original.field } };
    },
  });
}
