import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { Context } from "./context";
import { parse, type DocumentNode } from "graphql";
import { LIMITS, limitProblems } from "./limits";
import { readCapped } from "~/server/read-capped";

/**
 * Every answer is one viewer's data (or their refusal), never to be kept by a cache. Set here rather
 * than by Apollo's cache-control plugin, whose per-field hook only costs (server.ts).
 */
const NO_STORE = { "cache-control": "no-store" };

/**
 * The GraphQL endpoint as a fetch-style handler, what a Next route exports: reads the body up to the
 * cap, hands the request to Apollo with a context built for it, and returns Apollo's answer. A body or
 * query string past the cap is refused with 413 before anything parses it or asks who sent it.
 */
export function createGraphqlHandler(
  server: ApolloServer<Context>,
  context: (request: Request) => Promise<Context>,
  { maxBodyBytes = LIMITS.maxBodyBytes }: { maxBodyBytes?: number } = {},
): (request: Request) => Promise<Response> {
  server.startInBackgroundHandlingStartupErrorsByLoggingAndFailingAllRequests();
  return async (request) => {
    const search = new URL(request.url).search;
    const text = search.length > maxBodyBytes ? undefined : await readCapped(request, maxBodyBytes);
    if (text === undefined) {
      const error = {
        message: `The request body is larger than ${maxBodyBytes} bytes.`,
        extensions: { code: "PAYLOAD_TOO_LARGE" },
      };
      return Response.json({ errors: [error] }, { status: 413, headers: { ...NO_STORE, connection: "close" } });
    }
    const headers = new HeaderMap();
    request.headers.forEach((value, name) => headers.set(name, value));
    const body = parseBody(text, headers);
    const problems = limitProblemsOf(queryOf(body, search));
    if (problems.length > 0) {
      return Response.json(
        { errors: problems.map((message) => ({ message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })) },
        { status: 400, headers: NO_STORE },
      );
    }
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method.toUpperCase(), headers, search, body },
      context: () => context(request),
    });
    const responseHeaders = new Headers([...result.headers, ...Object.entries(NO_STORE)]);
    if (result.body.kind === "complete")
      return new Response(result.body.string, { status: result.status ?? 200, headers: responseHeaders });
    const chunks = result.body.asyncIterator;
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    return new Response(stream, { status: result.status ?? 200, headers: responseHeaders });
  };
}

/** The operation's text, from a JSON body or a GET query string; undefined for anything else (Apollo says what is wrong). */
function queryOf(body: unknown, search: string): string | undefined {
  const query =
    typeof body === "object" && body !== null
      ? (body as { query?: unknown }).query
      : new URLSearchParams(search).get("query");
  return typeof query === "string" ? query : undefined;
}

/**
 * The operation's limits (limits.ts), checked here, before Apollo: graphql's own validation compares
 * every pair of fields that share a response name, and a 6 KB query of such fields kept it busy for
 * over a second. Parsing is linear and the body is capped, so measuring first costs little.
 */
function limitProblemsOf(query: string | undefined): string[] {
  if (query === undefined) return [];
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return []; // a syntax error: Apollo answers it
  }
  return limitProblems(document);
}

function parseBody(text: string, headers: HeaderMap): unknown {
  if (text === "") return undefined;
  if (!headers.get("content-type")?.startsWith("application/json")) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // Apollo answers 400 for a JSON body it cannot read
  }
}
