import "server-only";
import { findUserById, loadOrCreateAuthSecret, signIn, SignInThrottle, type UserRole } from "@patronus/core/users";
import type { AuthOptions } from "next-auth";
import { getServerSession } from "next-auth/next";
import CredentialsProvider from "next-auth/providers/credentials";
import { redirect } from "next/navigation";
import { cache } from "react";
import { connection } from "next/server";
import { THROTTLED_PREFIX } from "~/components/sign-in-errors";
import { env } from "~/env";
import { getDb } from "~/server/db";
import type { Viewer } from "~/server/graphql/context";
import { resolveViewer, SIGN_IN_HINT } from "~/server/graphql/viewer";

/** The signed-in user as pages and the GraphQL context see them. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: UserRole;
}

declare module "next-auth" {
  interface Session {
    user?: SessionUser;
  }
}

// next-auth v4 reads these two from process.env itself, at request time, and has no option for them.
// Without NEXTAUTH_URL it would build redirects for http://localhost:3000 whatever the port, so the
// embedded setup trusts each request's Host header instead (there is no e-mail flow to poison).
if (!env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "1";

let options: AuthOptions | undefined;

/** Failed sign-ins of this process, per account and client (see SignInThrottle for the limits). */
const throttle = new SignInThrottle();

/**
 * Built on first use, not on import: `next build` imports this module, and must not create a secret
 * in whatever data directory the build happens to see.
 */
export function getAuthOptions(): AuthOptions {
  return (options ??= createAuthOptions(env.NEXTAUTH_SECRET ?? loadOrCreateAuthSecret(env.PATRONUS_DATA_DIR)));
}

const createAuthOptions = (secret: string): AuthOptions => ({
  secret,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize(credentials, request) {
        if (!credentials?.email || !credentials.password) return null;
        // Next sets X-Forwarded-For to the peer's address unless a proxy in front already did.
        const forwarded = request.headers?.["x-forwarded-for"] as string | undefined;
        const client = forwarded?.split(",")[0]?.trim() || "unknown";
        const result = signIn(getDb(), { email: credentials.email, password: credentials.password, client }, throttle);
        if (result.ok) return { id: String(result.user.id), email: result.user.email, name: result.user.name };
        if (result.reason === "wrong_credentials") return null;
        // next-auth hands a thrown message to the sign-in form as its error.
        const minutes = Math.ceil(result.retry_after_ms / 60_000);
        throw new Error(`${THROTTLED_PREFIX} Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
      },
    }),
  ],
  callbacks: {
    // The cookie carries only the user id (as `sub`); role and email are read afresh on every request,
    // so a role change or a deleted account takes effect at once, not when the cookie expires.
    session({ session, token }) {
      const user = token.sub ? findUserById(getDb(), Number(token.sub)) : undefined;
      return { ...session, user: user && { id: user.id, email: user.email, name: user.name, role: user.role } };
    },
  },
});

/**
 * The signed-in user, read once per server render: the layout and the page both ask, and each read
 * decodes the cookie and loads the user row. (Outside a render, React's cache() reads every time.)
 */
export const getSessionUser = cache(async (): Promise<SessionUser | undefined> => {
  // Marks the render as per-request before the options (and the secret file) are touched, so the build's
  // prerendering of the layout stops here instead of creating a secret.
  await connection();
  return (await getServerSession(getAuthOptions()))?.user;
});

/**
 * For pages: the signed-in user, or a redirect to /signin that comes back to `path`. Every page calls
 * it itself rather than trusting a layout, which Next may skip on client-side navigation.
 */
export async function requirePageUser(path: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}

/**
 * For route handlers: who sent `request`, from its bearer token or else its session (see
 * resolveViewer), with why it is anonymous when it is.
 */
export function viewerOfRequest(request: Request): Promise<{ viewer?: Viewer; authError?: string }> {
  return resolveViewer(getDb(), { authorization: request.headers.get("authorization"), session: getSessionUser });
}

/** The 401 a route handler answers an anonymous request with. */
export function anonymousRefusal(authError: string | undefined): Response {
  return Response.json({ error: authError ?? SIGN_IN_HINT }, { status: 401 });
}
