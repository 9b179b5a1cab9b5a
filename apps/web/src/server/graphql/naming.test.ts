import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
} from "graphql";
import { describe, expect, it } from "vitest";
import { typeDefs } from "./server";

// The naming rule of docs/api.md (Naming), checked over the whole schema.
const schema = buildSchema(typeDefs);
const snakeCase = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const camelCase = /^[a-z][a-z0-9]*([A-Z][a-z0-9]*)*$/;
/** A mutation's first word; a query field must not start with one (it names what it returns). */
const VERBS = [
  "add",
  "clear",
  "create",
  "delete",
  "disable",
  "enable",
  "record",
  "remove",
  "reset",
  "revoke",
  "set",
  "update",
];
const firstWord = (name: string) => /^[a-z0-9]+/.exec(name)![0];

const ownTypes = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith("__"));
const fieldsAndArguments = ownTypes.flatMap((type) => {
  if (!isObjectType(type) && !isInputObjectType(type)) return [];
  const fields: (GraphQLField<unknown, unknown> | GraphQLInputField)[] = Object.values(type.getFields());
  const named = type.name === "Mutation" ? [] : fields.map((f) => `${type.name}.${f.name}`);
  const args = fields.flatMap((f) =>
    "args" in f ? f.args.map((a: GraphQLArgument) => `${type.name}.${f.name}(${a.name})`) : [],
  );
  return [...named, ...args];
});
const lastName = (path: string) => /(\w+)\)?$/.exec(path)![1]!;

describe("the schema's names", () => {
  it("name every mutation in camelCase, starting with a verb", () => {
    const wrong = Object.keys(schema.getMutationType()!.getFields()).filter(
      (name) => !camelCase.test(name) || !VERBS.includes(firstWord(name)),
    );
    expect(wrong).toEqual([]);
  });

  it("name every query in snake_case, as a noun rather than a verb", () => {
    const wrong = Object.keys(schema.getQueryType()!.getFields()).filter(
      (name) =>
        !snakeCase.test(name) || VERBS.includes(firstWord(name)) || ["get", "list", "fetch"].includes(firstWord(name)),
    );
    expect(wrong).toEqual([]);
  });

  it("name every other field and every argument in snake_case", () => {
    expect(fieldsAndArguments.filter((path) => !snakeCase.test(lastName(path)))).toEqual([]);
  });

  it("name types in PascalCase and enum values in snake_case", () => {
    expect(ownTypes.filter((type) => !/^[A-Z][A-Za-z0-9]*$/.test(type.name)).map((t) => t.name)).toEqual([]);
    const values = ownTypes.filter(isEnumType).flatMap((e) => e.getValues().map((v) => `${e.name}.${v.name}`));
    expect(values.filter((path) => !snakeCase.test(lastName(path)))).toEqual([]);
  });
});
