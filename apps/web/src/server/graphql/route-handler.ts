import "server-only";
import { viewerOfRequest } from "~/server/auth";
import { getCaches } from "~/server/caches";
import { getCollectorClient } from "~/server/collector";
import { getDb } from "~/server/db";
import { createContext } from "./context";
import { createGraphqlEndpoint, fetchHandlerOf } from "./http-handler";
import { createApolloServer } from "./server";

/**
 * `/api/graphql`: what `npm start`'s server (src/main.ts) answers GraphQL requests with, before they
 * reach Next's router, through node-handler.ts.
 */
export const graphqlEndpoint = createGraphqlEndpoint(createApolloServer(), async (request) => {
  const { caches, registry } = getCaches();
  // A metrics token gets through to the guards, which let it reach recordPathMetrics only.
  const auth = await viewerOfRequest(request, { acceptMetricsToken: true });
  return createContext({ db: getDb(), ...auth, collector: getCollectorClient(), caches, registry });
});

/** The same endpoint as the Next route (app/api/graphql/route.ts) exports it. */
export const graphqlHandler = fetchHandlerOf(graphqlEndpoint);
