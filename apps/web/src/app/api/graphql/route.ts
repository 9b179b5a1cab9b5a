import type { NextRequest } from "next/server";
import { graphqlHandler } from "~/server/graphql/route-handler";

// Under `npm start`, GET and POST to this path are answered by src/main.ts with the same handler,
// before Next's router; this route serves them under `next dev` and `next start`, and every other method.
export async function GET(request: NextRequest): Promise<Response> {
  return graphqlHandler(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  return graphqlHandler(request);
}
