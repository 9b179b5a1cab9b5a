/**
 * Every role, the highest first; each holds the powers of those after it (docs/api.md, Roles). The one
 * list: the database column, the GraphQL enum (checked by apps/web's roles.test.ts), the guards' ranking
 * and the role picker all come from it.
 */
export const USER_ROLES = ["admin", "operator", "viewer"] as const;

export type UserRole = (typeof USER_ROLES)[number];

/**
 * What an API token may do: `full` acts as its user, with the user's role; `metrics` may only post path
 * metrics, whatever its user's role, so a probe's token opens nothing else (docs/api.md, "Metrics tokens").
 */
export const API_TOKEN_SCOPES = ["full", "metrics"] as const;

export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];
