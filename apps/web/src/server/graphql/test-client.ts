import { createServer } from "node:http";
import type { Db } from "@patronus/core/db";
import type { RoutingCaches } from "@patronus/core/routing";
import type { CollectorClient } from "@patronus/core/traffic/control";
import type { User } from "@patronus/core/users";
import { nodeHandlerOf } from "../node-handler";
import { createContext, type Viewer } from "./context";
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
 * loopback port, as src/main.ts serves GraphQL, so requests cross a real socket with real headers and bodies.
 */
export async function serveHttp(
  handler: (request: Request) => Promise<Response>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(
    nodeHandlerOf(handler, {
      headers: {},
      onError: (error) => {
        throw error; // an unhandled rejection, which fails the test run
      },
    }),
  );
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
