import type { Db } from "@patronus/core/db";
import type { RoutingCaches } from "@patronus/core/routing";
import type { User } from "@patronus/core/users";
import { createContext, type Viewer } from "./context";
import { createApolloServer } from "./server";

export interface GraphqlResult<T> {
  data: T | null | undefined;
  errors: { message: string; extensions?: { code?: string } }[] | undefined;
}

/** Test helper: runs operations through the real Apollo server, as `user` signed in (or anonymous). */
export function graphqlClient(db: Db) {
  const server = createApolloServer();
  return async function execute<T>(
    query: string,
    { user, caches, variables }: { user?: User; caches?: RoutingCaches; variables?: Record<string, unknown> } = {},
  ): Promise<GraphqlResult<T>> {
    const viewer: Viewer | undefined = user && { id: user.id, email: user.email, role: user.role, via: "session" };
    const response = await server.executeOperation<T>({ query, variables }, { contextValue: createContext({ db, viewer, caches }) });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    return response.body.singleResult as GraphqlResult<T>;
  };
}
