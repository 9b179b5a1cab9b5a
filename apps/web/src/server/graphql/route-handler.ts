import "server-only";
import { viewerOfRequest } from "~/server/auth";
import { getCaches } from "~/server/caches";
import { getCollectorClient } from "~/server/collector";
import { getDb } from "~/server/db";
import { createContext } from "./context";
import { createGraphqlHandler } from "./http-handler";
import { createApolloServer } from "./server";

/**
 * `/api/graphql`: what the Next route (app/api/graphql/route.ts) exports, and what `npm start`'s
 * server (src/main.ts) answers GraphQL requests with before they reach Next's router.
 */
export const graphqlHandler = createGraphqlHandler(createApolloServer(), async (request) => {
  const { caches, registry } = getCaches();
  // A metrics token gets through to the guards, which let it reach recordPathMetrics only.
  const auth = await viewerOfRequest(request, { acceptMetricsToken: true });
  return createContext({ db: getDb(), ...auth, collector: getCollectorClient(), caches, registry });
});
