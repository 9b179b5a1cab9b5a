import type { z } from "zod";
import { ValidationError } from "./errors";

/** Parses `input` with `schema`, turning the first problem into a ValidationError that names the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [prefix, ...(issue?.path ?? [])].filter((p) => p !== undefined).join(".") || undefined;
  throw new ValidationError(field ? `${field}: ${issue?.message}` : (issue?.message ?? "invalid input"), field);
}
