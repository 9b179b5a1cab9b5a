/**
 * Typed domain errors. Callers branch on `code` (the GraphQL layer maps it to `extensions.code`);
 * messages are written for the person who sent the input.
 */
export type DomainErrorCode = "VALIDATION" | "NOT_FOUND" | "CONFLICT";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The offending input field, dotted (`match_rules.source_cidrs[2]`), when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, field?: string) {
    super("VALIDATION", message, field);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, field?: string) {
    super("NOT_FOUND", message, field);
  }
}

/** Taken or clashing, e.g. a name in use; `field` names the input a form shows it beside. */
export class ConflictError extends DomainError {
  constructor(message: string, field?: string) {
    super("CONFLICT", message, field);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
