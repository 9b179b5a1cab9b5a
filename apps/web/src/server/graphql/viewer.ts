import type { Db } from "@patronus/core/db";
import { verifyApiToken } from "@patronus/core/users";
import type { Viewer } from "./context";

/** What an anonymous caller is told: how to authenticate. */
export const SIGN_IN_HINT = "sign in, or send an API token as 'Authorization: Bearer <token>'";

/**
 * Who a request is, from its Authorization header or else its session. A request that sends a bearer
 * token is judged by the token alone (a bad one is not rescued by a cookie), and says why it failed.
 */
export async function resolveViewer(
  db: Db,
  { authorization, session }: { authorization: string | null; session: () => Promise<Omit<Viewer, "via"> | undefined> },
): Promise<{ viewer?: Viewer; authError?: string }> {
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return { authError: "the Authorization header must be 'Bearer <API token>'" };
    const user = verifyApiToken(db, match[1]!);
    if (!user) return { authError: "the API token is unknown, revoked or expired" };
    return { viewer: { id: user.id, email: user.email, role: user.role, via: "token" } };
  }
  const user = await session();
  return user ? { viewer: { id: user.id, email: user.email, role: user.role, via: "session" } } : {};
}
