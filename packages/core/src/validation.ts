import type { z } from "zod";
import { ValidationError } from "./errors";

/**
 * Parses `input` with `schema`, turning the first problem into a ValidationError that names the field as a
 * form addresses it: `match_rules.source_cidrs[2]`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = fieldPath(prefix, issue?.path ?? []);
  throw new ValidationError(field ? `${field}: ${issue?.message}` : (issue?.message ?? "invalid input"), field);
}

/** `prefix` and a zod issue path joined as `a.b[2].c`; undefined when both are empty. */
export function fieldPath(prefix: string | undefined, path: readonly PropertyKey[]): string | undefined {
  let field = prefix ?? "";
  for (const key of path) {
    if (typeof key === "number") field += `[${key}]`;
    else field += field === "" ? String(key) : `.${String(key)}`;
  }
  return field === "" ? undefined : field;
}

/** `patch` without its undefined entries, so spreading it over the current values changes only what was given. */
export function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
