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
const JSON_TYPE = { "content-type": "application/json; charset=utf-8" };

/** What the endpoint reads of a request, from whichever server received it. */
export interface GraphqlHttpRequest {
  method: string;
  /** Absolute, as a Web Request's. */
  url: string;
  headers: Headers;
  /** The body as text, or undefined once it passes `max` bytes (see read-capped.ts). */
  text: (max: number) => Promise<string | undefined>;
}

/** The endpoint's answer: a complete body, or an incremental one in parts. */
export interface GraphqlHttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | AsyncIterableIterator<string>;
}

/**
 * The GraphQL endpoint: reads the body up to the cap, hands the request to Apollo with a context built
 * for it, and returns Apollo's answer. A body or query string past the cap is refused with 413 before
 * anything parses it or asks who sent it. Served by the Next route through fetchHandlerOf, and
 * by src/main.ts on Node's own request and response (node-handler.ts), which skips building a Web
 * Request and Response for each one (docs/architecture.md, "API cost").
 */
export function createGraphqlEndpoint(
  server: ApolloServer<Context>,
  context: (request: { url: string; headers: Headers }) => Promise<Context>,
  { maxBodyBytes = LIMITS.maxBodyBytes }: { maxBodyBytes?: number } = {},
): (request: GraphqlHttpRequest) => Promise<GraphqlHttpAnswer> {
  server.startInBackgroundHandlingStartupErrorsByLoggingAndFailingAllRequests();
  return async (request) => {
    const search = new URL(request.url).search;
    const text = search.length > maxBodyBytes ? undefined : await request.text(maxBodyBytes);
    if (text === undefined) {
      const error = {
        message: `The request body is larger than ${maxBodyBytes} bytes.`,
        extensions: { code: "PAYLOAD_TOO_LARGE" },
      };
      return {
        status: 413,
        headers: { ...JSON_TYPE, ...NO_STORE, connection: "close" },
        body: JSON.stringify({ errors: [error] }),
      };
    }
    const headers = new HeaderMap();
    request.headers.forEach((value, name) => headers.set(name, value));
    const body = parseBody(text, headers);
    const problems = limitProblemsOf(queryOf(body, search));
    if (problems.length > 0) {
      const errors = problems.map((message) => ({ message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }));
      return { status: 400, headers: { ...JSON_TYPE, ...NO_STORE }, body: JSON.stringify({ errors }) };
    }
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method.toUpperCase(), headers, search, body },
      context: () => context(request),
    });
    return {
      status: result.status ?? 200,
      headers: { ...Object.fromEntries(result.headers), ...NO_STORE },
      body: result.body.kind === "complete" ? result.body.string : result.body.asyncIterator,
    };
  };
}

/** The endpoint as a fetch-style handler, what a Next route exports. */
export function fetchHandlerOf(
  endpoint: (request: GraphqlHttpRequest) => Promise<GraphqlHttpAnswer>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const { status, headers, body } = await endpoint({
      method: request.method,
      url: request.url,
      headers: request.headers,
      text: (max) => readCapped(request, max),
    });
    if (typeof body === "string") return new Response(body, { status, headers });
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await body.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    return new Response(stream, { status, headers });
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
