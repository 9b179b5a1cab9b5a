import { writeAudit } from "@patronus/core/audit";
import type { UserRole } from "@patronus/core/users";
import { GraphQLError, type GraphQLFieldResolver } from "graphql";
import type { Context, Viewer } from "./context";
import { SIGN_IN_HINT } from "./viewer";
import { checkArgumentLengths } from "./argument-caps";

const rank: Record<UserRole, number> = { viewer: 0, operator: 1, admin: 2 };

/**
 * The viewer, if they hold `role` or a higher one. Anonymous: UNAUTHENTICATED. Too low a role:
 * FORBIDDEN, and the attempt goes into the audit log as denied under `action`.
 */
export function requireRole(ctx: Context, role: UserRole, action: string): Viewer {
  const { viewer } = ctx;
  if (!viewer) {
    throw new GraphQLError(ctx.authError ?? SIGN_IN_HINT, {
      extensions: { code: "UNAUTHENTICATED" },
    });
  }
  if (rank[viewer.role] < rank[role]) {
    writeAudit(ctx.db, {
      actor: viewer.email,
      action,
      target: "graphql",
      outcome: "denied",
      details: { role: viewer.role, required: role },
    });
    throw new GraphQLError(`${action} needs the ${role} role; ${viewer.email} is ${viewer.role}`, {
      extensions: { code: "FORBIDDEN" },
    });
  }
  return viewer;
}

/**
 * Who may call each root field, in one place (docs/api.md, Roles). Roles include the ones below them:
 * a viewer reads; an operator also runs the network (clears caches; creates, edits and deletes
 * endpoints, paths and policies); an admin also creates, edits and deletes sites and manages users and
 * API tokens. A field not listed needs
 * `viewer` for a query and `admin` for a mutation, so a new field is never open by accident; every
 * mutation is listed all the same, so its role is a decision (roles.test.ts holds that).
 */
export const rules: Record<
  "Query" | "Mutation",
  { default: UserRole; fields: Record<string, { role: UserRole; action: string }> }
> = {
  Query: {
    default: "viewer",
    fields: {
      // Operators clear caches, so they see what a clear would drop; the figures hold no secrets but are
      // of no use to a viewer.
      cache_stats: { role: "operator", action: "cache.stats" },
      users: { role: "admin", action: "user.list" },
    },
  },
  Mutation: {
    default: "admin",
    fields: {
      clearCache: { role: "operator", action: "cache.clear" },
      deleteSite: { role: "admin", action: "site.delete" },
      createApiToken: { role: "admin", action: "api_token.create" },
      revokeApiToken: { role: "admin", action: "api_token.revoke" },
      createUser: { role: "admin", action: "user.create" },
      setUserRole: { role: "admin", action: "user.set_role" },
      resetPassword: { role: "admin", action: "user.reset_password" },
      deleteUser: { role: "admin", action: "user.delete" },
      createSite: { role: "admin", action: "site.create" },
      updateSite: { role: "admin", action: "site.update" },
      createEndpoint: { role: "operator", action: "endpoint.create" },
      updateEndpoint: { role: "operator", action: "endpoint.update" },
      deleteEndpoint: { role: "operator", action: "endpoint.delete" },
      createPath: { role: "operator", action: "path.create" },
      updatePathStatus: { role: "operator", action: "path.update" },
      deletePath: { role: "operator", action: "path.delete" },
      createPolicy: { role: "operator", action: "policy.create" },
      updatePolicy: { role: "operator", action: "policy.update" },
      setPolicyEnabled: { role: "operator", action: "policy.set_enabled" },
      deletePolicy: { role: "operator", action: "policy.delete" },
      reorderPolicies: { role: "operator", action: "policy.reorder" },
    },
  },
};

/** The rule for a root field: its row, or the type's default. */
export function ruleOf(type: "Query" | "Mutation", field: string): { role: UserRole; action: string } {
  return rules[type].fields[field] ?? { role: rules[type].default, action: `graphql.${field}` };
}

type ResolverMap = Record<string, Record<string, unknown>>;

/** Wraps every Query and Mutation resolver so its rule and its arguments' length caps are checked before it runs. */
export function guardRootFields(resolverMaps: ResolverMap[]): ResolverMap[] {
  return resolverMaps.map((map) =>
    Object.fromEntries(
      Object.entries(map).map(([type, fields]) => {
        if (type !== "Query" && type !== "Mutation") return [type, fields];
        const guarded = Object.entries(fields).map(([field, resolve]) => {
          const rule = ruleOf(type, field);
          const wrapped: GraphQLFieldResolver<unknown, Context> = (
            parent,
            args: Record<string, unknown>,
            ctx,
            info,
          ) => {
            requireRole(ctx, rule.role, rule.action);
            checkArgumentLengths(info.parentType.getFields()[info.fieldName]!.args, args);
            return (resolve as GraphQLFieldResolver<unknown, Context>)(parent, args, ctx, info);
          };
          return [field, wrapped];
        });
        return [type, Object.fromEntries(guarded)];
      }),
    ),
  );
}
