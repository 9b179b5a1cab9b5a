import type { NextRequest } from "next/server";
import { viewerOfRequest } from "~/server/auth";
import { getCaches } from "~/server/caches";
import { getCollectorClient } from "~/server/collector";
import { getDb } from "~/server/db";
import { createContext } from "~/server/graphql/context";
import { createGraphqlHandler } from "~/server/graphql/http-handler";
import { createApolloServer } from "~/server/graphql/server";

// Our own handler over Apollo's executeHTTPGraphQLRequest (no @as-integrations/next): it caps the body before anything reads it all.
const handler = createGraphqlHandler(createApolloServer(), async (request) => {
  const { caches, registry } = getCaches();
  // A metrics token gets through to the guards, which let it reach recordPathMetrics only.
  const auth = await viewerOfRequest(request, { acceptMetricsToken: true });
  return createContext({ db: getDb(), ...auth, collector: getCollectorClient(), caches, registry });
});

export async function GET(request: NextRequest): Promise<Response> {
  return handler(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  return handler(request);
}
