import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { describeError } from "./query-states";

/** A refused form: messages by input name (from the API's `extensions.field`), and the rest for the form's foot. */
export interface FormErrors {
  fields: Record<string, string>;
  form?: string;
}

export const noErrors: FormErrors = { fields: {} };

/**
 * Sorts a mutation's error by the field it names, so a form shows each message beside its input
 * (docs/api.md, Errors). The API prefixes messages with the field ("port: must be 1-65535"): the input's
 * label already says which, so the prefix is dropped.
 */
export function formErrors(error: unknown, knownFields: readonly string[]): FormErrors {
  if (!CombinedGraphQLErrors.is(error)) return { fields: {}, form: describeError(error) };
  const result: FormErrors = { fields: {} };
  const rest: string[] = [];
  for (const e of error.errors) {
    const field = typeof e.extensions?.field === "string" ? e.extensions.field : undefined;
    if (field !== undefined && knownFields.includes(field)) {
      result.fields[field] = e.message.startsWith(`${field}: `) ? e.message.slice(field.length + 2) : e.message;
    } else rest.push(e.message);
  }
  if (rest.length > 0) result.form = rest.join("; ");
  return result;
}
