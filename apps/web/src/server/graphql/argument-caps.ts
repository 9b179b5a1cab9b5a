import { GraphQLError, Kind, type GraphQLInputType, type InputValueDefinitionNode } from "graphql";

/**
 * Longest String and ID argument the API takes unless the schema says otherwise with @maxLength. Ids
 * are UUIDs or small integers; 200 characters is more than any name, email or address needs.
 */
export const DEFAULT_MAX_LENGTH: Record<string, number> = { String: 200, ID: 64 };

interface InputValue {
  name: string;
  type: GraphQLInputType;
  astNode?: InputValueDefinitionNode | null | undefined;
}

/**
 * Refuses a field's arguments when a String or ID in them (input objects included) is longer than its
 * cap, so resolvers, parsers and cache keys only ever see short strings. The caps are read from the
 * schema: `@maxLength(max: n)` on an argument or input field, else DEFAULT_MAX_LENGTH.
 */
export function checkArgumentLengths(definitions: readonly InputValue[], args: Record<string, unknown>): void {
  for (const definition of definitions)
    check(args[definition.name], definition.type, maxLengthOf(definition), definition.name);
}

// Types are told apart by shape, not instanceof: Apollo and this module may load different copies
// of graphql (its CommonJS and ESM builds), and graphql's isListType() throws across them.
function check(value: unknown, type: GraphQLInputType, cap: number | undefined, path: string): void {
  if (value === null || value === undefined) return;
  if ("ofType" in type) {
    if (!Array.isArray(value) || String(type).endsWith("!")) return check(value, type.ofType, cap, path);
    value.forEach((item, i) => check(item, type.ofType, cap, `${path}.${i}`));
    return;
  }
  if ("getFields" in type) {
    for (const field of Object.values(type.getFields())) {
      check((value as Record<string, unknown>)[field.name], field.type, maxLengthOf(field), `${path}.${field.name}`);
    }
    return;
  }
  const max = cap ?? DEFAULT_MAX_LENGTH[type.name];
  if (typeof value === "string" && max !== undefined && value.length > max) {
    throw new GraphQLError(`${path} is ${value.length} characters long; at most ${max} are accepted`, {
      extensions: { code: "VALIDATION", field: path },
    });
  }
}

function maxLengthOf(definition: InputValue): number | undefined {
  const directive = definition.astNode?.directives?.find((d) => d.name.value === "maxLength");
  const argument = directive?.arguments?.find((a) => a.name.value === "max");
  return argument?.value.kind === Kind.INT ? Number(argument.value.value) : undefined;
}
