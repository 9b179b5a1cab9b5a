import { createServer, type IncomingMessage, type RequestListener } from "node:http";
import { Readable } from "node:stream";
import type { Db } from "@patronus/core/db";
import type { RoutingCaches } from "@patronus/core/routing";
import type { CollectorClient } from "@patronus/core/traffic/control";
import type { User } from "@patronus/core/users";
import { createContext, type Viewer } from "./context";
import type { GraphqlHttpAnswer, GraphqlHttpRequest } from "./http-handler";
import { headersOf, nodeGraphqlHandler, urlOf } from "./node-handler";
import { createApolloServer } from "./server";
import { resolveViewer } from "./viewer";

export interface GraphqlResult<T> {
  data: T | null | undefined;
  errors: { message: string; extensions?: { code?: string } }[] | undefined;
}

/**
 * Test helper: runs operations through the real Apollo server, as `user` signed in, as the bearer of an
 * `authorization` header (judged as the route judges it), or anonymous.
 */
export function graphqlClient(db: Db, { collector }: { collector?: CollectorClient } = {}) {
  const server = createApolloServer();
  return async function execute<T>(
    query: string,
    {
      user,
      caches,
      authorization,
      variables,
    }: { user?: User; caches?: RoutingCaches; authorization?: string; variables?: Record<string, unknown> } = {},
  ): Promise<GraphqlResult<T>> {
    const auth = authorization
      ? await resolveViewer(db, { authorization, session: async () => undefined })
      : { viewer: user && ({ id: user.id, email: user.email, role: user.role, via: "session" } satisfies Viewer) };
    const response = await server.executeOperation<T>(
      { query, variables },
      { contextValue: createContext({ db, ...auth, caches, collector }) },
    );
    if (response.body.kind !== "single") throw new Error("expected a single result");
    return response.body.singleResult as GraphqlResult<T>;
  };
}

/**
 * Test helper: serves a fetch-style handler (what a Next route exports) on a real HTTP server on a free
 * loopback port, so requests cross a real socket with real headers and bodies.
 */
export function serveHttp(
  handler: (request: Request) => Promise<Response>,
): Promise<{ url: string; close: () => Promise<void> }> {
  return listen((req, res) => {
    void handler(toRequest(req)).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body)
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      res.end();
    });
  });
}

/** Test helper: serves the GraphQL endpoint as src/main.ts does, on a free loopback port. */
export function serveGraphqlEndpoint(
  endpoint: (request: GraphqlHttpRequest) => Promise<GraphqlHttpAnswer>,
): Promise<{ url: string; close: () => Promise<void> }> {
  return listen(
    nodeGraphqlHandler(endpoint, {
      headers: {},
      onError: (error) => {
        throw error; // an unhandled rejection, which fails the test run
      },
    }),
  );
}

/** Test helper: a real HTTP server for `listener` on a free loopback port. */
export async function listen(listener: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function toRequest(req: IncomingMessage): Request {
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(urlOf(req), {
    method: req.method,
    headers: headersOf(req),
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
}
