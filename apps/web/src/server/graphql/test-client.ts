import type { Db } from "@patronus/core/db";
import type { RoutingCaches } from "@patronus/core/routing";
import type { CollectorClient } from "@patronus/core/traffic";
import type { User } from "@patronus/core/users";
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
    const response = await server.executeOperation<T>({ query, variables }, { contextValue: createContext({ db, ...auth, caches, collector }) });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    return response.body.singleResult as GraphqlResult<T>;
  };
}
