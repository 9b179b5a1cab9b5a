import { startServerAndCreateNextHandler } from "@as-integrations/next";
import type { NextRequest } from "next/server";
import { viewerOfRequest } from "~/server/auth";
import { getCaches } from "~/server/caches";
import { getCollectorClient } from "~/server/collector";
import { getDb } from "~/server/db";
import { createContext, type Context } from "~/server/graphql/context";
import { createApolloServer } from "~/server/graphql/server";

const handler = startServerAndCreateNextHandler<NextRequest, Context>(createApolloServer(), {
  context: async (request) => {
    const db = getDb();
    const { caches, registry } = getCaches();
    const auth = await viewerOfRequest(request);
    return createContext({ db, ...auth, collector: getCollectorClient(), caches, registry });
  },
});

// Wrapped: Next's route type check rejects the integration's overloaded handler type as it is.
export async function GET(request: NextRequest): Promise<Response> {
  return handler(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  return handler(request);
}
