import { interfaceKinds, isInterfaceKind, type InterfaceKind } from "@patronus/core/sites/interface-kinds";
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import type { Resolvers } from "../generated/resolvers";

const accepted = `${interfaceKinds.slice(0, -1).join(", ")} or ${interfaceKinds.at(-1)}`;

function kindOf(value: unknown): InterfaceKind {
  if (isInterfaceKind(value)) return value;
  throw new GraphQLError(`an interface kind is one of ${accepted}`);
}

/**
 * Core's interface kinds as strings, as the field always took them. A scalar rather than an enum: a
 * GraphQL enum value cannot start with a digit, and "5g" is one (docs/api.md, Sites).
 */
export const interfaceKindResolvers: Resolvers = {
  InterfaceKind: new GraphQLScalarType<InterfaceKind, string>({
    name: "InterfaceKind",
    serialize: kindOf,
    parseValue: kindOf,
    parseLiteral: (node) => kindOf(node.kind === Kind.STRING ? node.value : undefined),
  }),
};
