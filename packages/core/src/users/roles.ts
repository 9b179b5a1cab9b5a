/**
 * Every role, the highest first; each holds the powers of those after it (docs/api.md, Roles). The one
 * list: the database column, the GraphQL enum (checked by apps/web's roles.test.ts), the guards' ranking
 * and the role picker all come from it.
 */
export const USER_ROLES = ["admin", "operator", "viewer"] as const;

export type UserRole = (typeof USER_ROLES)[number];
