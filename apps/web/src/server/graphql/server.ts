import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { isDomainError } from "@patronus/core/errors";
import type { GraphQLError, GraphQLFormattedError } from "graphql";
import type { Context } from "./context";
import { guardRootFields } from "./guards";
import { operationLimitsRule, requestLimitsPlugin } from "./limits";
import { metricsPlugin } from "./metrics-plugin";
import { getLogger } from "../log";
import { cachesResolvers } from "./resolvers/caches";
import { networkChangesResolvers } from "./resolvers/network-changes";
import { policyChangesResolvers } from "./resolvers/policy-changes";
import { policyPreviewResolvers } from "./resolvers/policy-preview";
import { auditResolvers } from "./resolvers/audit";
import { collectorHealthResolvers } from "./resolvers/collector-health";
import { flowPolicyResolvers } from "./resolvers/flow-policy";
import { interfaceKindResolvers } from "./resolvers/interface-kind";
import { policiesResolvers } from "./resolvers/policies";
import { pathsResolvers } from "./resolvers/paths";
import { routingResolvers } from "./resolvers/routing";
import { sitesResolvers } from "./resolvers/sites";
import { siteTrafficResolvers } from "./resolvers/site-traffic";
import { tokensResolvers } from "./resolvers/tokens";
import { trafficResolvers } from "./resolvers/traffic";
import { policySparklinesResolvers } from "./resolvers/policy-sparklines";
import { trafficHistoryResolvers } from "./resolvers/traffic-history";
import { usersResolvers } from "./resolvers/users";

export const typeDefs = readFileSync(new URL("./schema.graphql", import.meta.url), "utf8");

export const resolvers = guardRootFields([
  sitesResolvers,
  policiesResolvers,
  trafficResolvers,
  routingResolvers,
  flowPolicyResolvers,
  pathsResolvers,
  cachesResolvers,
  tokensResolvers,
  trafficHistoryResolvers,
  policySparklinesResolvers,
  siteTrafficResolvers,
  usersResolvers,
  networkChangesResolvers,
  policyChangesResolvers,
  policyPreviewResolvers,
  auditResolvers,
  collectorHealthResolvers,
  interfaceKindResolvers,
]);

/** `now` is the rate limits' clock, injected by tests. */
export function createApolloServer({ now = Date.now }: { now?: () => number } = {}): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs,
    resolvers,
    // Open to signed-in users only: requestLimitsPlugin refuses introspection to anonymous requests.
    introspection: true,
    validationRules: [operationLimitsRule],
    // No cache hints in the schema, so the cache-control plugin's hook on every field only costs (4,000
    // calls for 1,000 policies); the handler says no-store itself (http-handler.ts).
    plugins: [requestLimitsPlugin({ now }), metricsPlugin(), ApolloServerPluginCacheControlDisabled()],
    includeStacktraceInErrorResponses: false,
    // "Did you mean ...?" suggestions would spell out the schema that introspection keeps from anonymous clients.
    hideSchemaDetailsFromClientErrors: true,
    formatError,
  });
}

/**
 * What a client may read of an error. Core's typed errors carry their code (VALIDATION, NOT_FOUND,
 * CONFLICT) and the offending field; GraphQL errors we raise (guards, limits) and those of parsing and
 * validation keep their message. Anything else is a fault whose message may hold SQL, paths or
 * secrets: the client gets a reference, the log gets the reference with the message and stack.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = isGraphQLError(error) ? error.originalError : error;
  if (isDomainError(original)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: original.code, field: original.field } };
  }
  if (original === undefined || isGraphQLError(original)) return formatted;
  const ref = randomUUID();
  getLogger().error("graphql internal error", { ref, path: formatted.path?.join(".") ?? "(request)", error: original });
  return {
    message: `Internal server error (ref: ${ref})`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR", ref },
  };
}

/**
 * By shape, not instanceof: Apollo and our code may hold different copies of graphql (CommonJS and
 * ESM), and Apollo's own subclasses (ValidationError, ...) rename themselves.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && "extensions" in error && "originalError" in error && "locations" in error;
}
