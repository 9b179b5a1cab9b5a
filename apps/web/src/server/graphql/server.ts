import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import type { Context } from "./context";
import { policiesResolvers } from "./resolvers/policies";
import { sitesResolvers } from "./resolvers/sites";
import { trafficResolvers } from "./resolvers/traffic";

export const typeDefs = readFileSync(new URL("./schema.graphql", import.meta.url), "utf8");

export const resolvers = [sitesResolvers, policiesResolvers, trafficResolvers];

export function createApolloServer(): ApolloServer<Context> {
  return new ApolloServer<Context>({ typeDefs, resolvers, introspection: true });
}
