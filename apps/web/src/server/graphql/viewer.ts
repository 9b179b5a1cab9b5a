import { writeAudit } from "@patronus/core/audit";
import type { Db } from "@patronus/core/db";
import { apiTokenIsValid, findSessionUser, verifyApiToken } from "@patronus/core/users";
import type { Viewer } from "./context";

/** What an anonymous caller is told: how to authenticate. */
export const SIGN_IN_HINT = "sign in, or send an API token as 'Authorization: Bearer <token>'";

/** A session's user as the session callback returns it: with the session version its cookie was signed under. */
export type SessionViewer = Omit<Viewer, "via"> & { session_version: number };

/**
 * Who a request is, from its Authorization header or else its session. A request that sends a bearer
 * token is judged by the token alone (a bad one is not rescued by a cookie), and says why it failed.
 * `stillValid` re-checks later, for long requests (an event stream): false once the token is revoked or
 * expired, or the user deleted, or their sessions ended by a password reset or role change.
 */
export async function resolveViewer(
  db: Db,
  { authorization, session }: { authorization: string | null; session: () => Promise<SessionViewer | undefined> },
): Promise<{ viewer?: Viewer; authError?: string; stillValid?: () => boolean }> {
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return { authError: "the Authorization header must be 'Bearer <API token>'" };
    const token = match[1]!;
    const found = verifyApiToken(db, token);
    if (!found) return { authError: "the API token is unknown, revoked or expired" };
    const { user, scope } = found;
    return {
      viewer: { id: user.id, email: user.email, role: user.role, via: "token", scope },
      stillValid: () => apiTokenIsValid(db, token),
    };
  }
  const user = await session();
  if (!user) return {};
  const { id, session_version: sessionVersion } = user;
  return {
    viewer: { id: user.id, email: user.email, role: user.role, via: "session" },
    stillValid: () => findSessionUser(db, { id, sessionVersion }) !== undefined,
  };
}

type ResolvedViewer = Awaited<ReturnType<typeof resolveViewer>>;

/**
 * For every route but GraphQL (whose guards judge it) and the metrics ingest: a metrics token is
 * anonymous there, told why, and the attempt is audited as denied under the route's path.
 */
export function refuseMetricsToken(db: Db, resolved: ResolvedViewer, route: string): ResolvedViewer {
  const { viewer } = resolved;
  if (viewer?.scope !== "metrics") return resolved;
  writeAudit(db, {
    actor: viewer.email,
    action: "api.request",
    target: route,
    outcome: "denied",
    details: { scope: "metrics" },
  });
  return { authError: "this API token may only post path metrics (POST /api/metrics/paths)" };
}
