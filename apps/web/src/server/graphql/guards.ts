import { writeAudit } from "@patronus/core/audit";
import { USER_ROLES, type UserRole } from "@patronus/core/users";
import { GraphQLError, type GraphQLFieldResolver } from "graphql";
import type { AuthedContext, Context } from "./context";
import type { Resolvers } from "./generated/resolvers";
import { SIGN_IN_HINT } from "./viewer";
import { checkArgumentLengths } from "./argument-caps";

/** USER_ROLES lists the highest first, so a lower index is a higher role. */
const holds = (held: UserRole, required: UserRole) => USER_ROLES.indexOf(held) <= USER_ROLES.indexOf(required);

/** The one action a `metrics` API token may take, whatever its owner's role (docs/api.md, "Metrics tokens"). */
export const METRICS_TOKEN_ACTION = "path_metrics.ingest";

/**
 * The context with its viewer, if they hold `role` or a higher one. Anonymous: UNAUTHENTICATED. Too
 * low a role, or a metrics token outside path-metrics ingest: FORBIDDEN, and the attempt goes into the
 * audit log as denied under `action`.
 */
export function requireRole(ctx: Context, role: UserRole, action: string): AuthedContext {
  if (!isAuthed(ctx)) {
    throw new GraphQLError(ctx.authError ?? SIGN_IN_HINT, {
      extensions: { code: "UNAUTHENTICATED" },
    });
  }
  const { viewer } = ctx;
  if (viewer.scope === "metrics") {
    if (action === METRICS_TOKEN_ACTION) return ctx;
    writeAudit(ctx.db, {
      actor: viewer.email,
      action,
      target: "graphql",
      outcome: "denied",
      details: { scope: "metrics", required: role },
    });
    throw new GraphQLError(`${action} is closed to a metrics token: it may only post path metrics`, {
      extensions: { code: "FORBIDDEN" },
    });
  }
  if (!holds(viewer.role, role)) {
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
  return ctx;
}

// The same object, narrowed: per-request state on it (the memoised traffic view) stays shared.
const isAuthed = (ctx: Context): ctx is AuthedContext => ctx.viewer !== undefined;

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
      audit_log: { role: "admin", action: "audit.list" },
      // A preview is the first step of an edit, and costs the collector a pass over its flows.
      policy_change_preview: { role: "operator", action: "policy.preview" },
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
      setPolicyPriorities: { role: "operator", action: "policy.reorder" },
      resetPolicyCounters: { role: "operator", action: "policy.reset_counters" },
      // Path metrics (issue 12): probes report with an operator's API token (docs/api.md, Path metrics).
      recordPathMetrics: { role: "operator", action: "path_metrics.ingest" },
    },
  },
};

/** The rule for a root field: its row, or the type's default. */
export function ruleOf(type: "Query" | "Mutation", field: string): { role: UserRole; action: string } {
  return rules[type].fields[field] ?? { role: rules[type].default, action: `graphql.${field}` };
}

type ResolverMap = Record<string, Record<string, unknown>>;

/**
 * Wraps every Query and Mutation resolver so its rule and its arguments' length caps are checked before
 * it runs; the resolver then gets the checked viewer in its context. Field resolvers of other types
 * are only reached through a root field, so they too run for a checked viewer.
 */
export function guardRootFields(resolverMaps: Resolvers[]): ResolverMap[] {
  return resolverMaps.map((map) =>
    Object.fromEntries(
      Object.entries(map as ResolverMap).map(([type, fields]) => {
        if (type !== "Query" && type !== "Mutation") return [type, fields];
        const guarded = Object.entries(fields).map(([field, resolve]) => {
          const rule = ruleOf(type, field);
          const wrapped: GraphQLFieldResolver<unknown, Context> = (
            parent,
            args: Record<string, unknown>,
            ctx,
            info,
          ) => {
            const authed = requireRole(ctx, rule.role, rule.action);
            checkArgumentLengths(info.parentType.getFields()[info.fieldName]!.args, args);
            return (resolve as GraphQLFieldResolver<unknown, AuthedContext>)(parent, args, authed, info);
          };
          return [field, wrapped];
        });
        return [type, Object.fromEntries(guarded)];
      }),
    ),
  );
}
