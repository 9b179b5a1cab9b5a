"use client";

import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { useState, type ReactNode } from "react";

/** The browser's GraphQL client: same-origin /api/graphql, one instance per page load. */
export function GraphqlProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new ApolloClient({ link: new HttpLink({ uri: "/api/graphql" }), cache: new InMemoryCache() }),
  );
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}
