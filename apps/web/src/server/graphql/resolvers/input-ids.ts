import { ValidationError } from "@patronus/core/errors";

/**
 * A GraphQL ID argument naming a row with an integer key. Refused here, naming the field, when it is not
 * a plain positive integer: Number() would read "1e3" as 1000 and " 7" as 7.
 */
export function rowId(value: string, field: string): number {
  if (!/^[1-9][0-9]{0,14}$/.test(value)) throw new ValidationError(`${field}: "${value}" is not an id`, field);
  return Number(value);
}

/** An optional ID: null stays null (unpin), absent stays absent (keep). */
export function optionalRowId(value: string | null | undefined, field: string): number | null | undefined {
  return value === null || value === undefined ? value : rowId(value, field);
}

/** The input without its null entries: GraphQL's explicit null for a left-out field means "keep" here. */
export function given<T extends object>(input: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}
