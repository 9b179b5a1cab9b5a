import "server-only";
import { Cache } from "@patronus/core/cache";
import { findSessionUser, loadOrCreateAuthSecret, signIn, SignInThrottle, type UserRole } from "@patronus/core/users";
import type { AuthOptions } from "next-auth";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { getServerSession } from "next-auth/next";
import CredentialsProvider from "next-auth/providers/credentials";
import { redirect } from "next/navigation";
import { cache } from "react";
import { connection, NextRequest } from "next/server";
import { THROTTLED_PREFIX } from "~/components/sign-in-errors";
import { env } from "~/env";
import { clientAddress, PEER_HEADER } from "~/server/client-address";
import { cookiesOf } from "~/server/cookies";
import { getDb } from "~/server/db";
import type { Viewer } from "~/server/graphql/context";
import { refuseMetricsToken, resolveViewer, SIGN_IN_HINT } from "~/server/graphql/viewer";
import { getWebMetrics } from "~/server/metrics";
import { sameOriginPath } from "~/server/safe-callback";

/** What authentication reads of a request: its absolute URL and headers (a Web Request has both). */
export type RequestHead = Pick<Request, "url" | "headers">;

/** The signed-in user as pages and the GraphQL context see them. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  /** The user's session version the cookie was signed under (see findSessionUser). */
  session_version: number;
}

declare module "next-auth" {
  interface Session {
    user?: SessionUser;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The user's session_version at sign-in; a reset or role change since then ends the session. */
    sv?: number;
  }
}

// next-auth v4 reads these two from process.env itself, at request time, and has no option for them.
// Without NEXTAUTH_URL it would build redirects for http://localhost:3000 whatever the port, so the
// embedded setup builds them from the Host header, which the auth route only accepts when it names this
// machine (server/served-hosts.ts); forwarded headers reach it only from trusted proxies.
// eslint-disable-next-line no-restricted-properties -- next-auth reads AUTH_TRUST_HOST from process.env itself (see above)
if (!env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "1";

let secret: string | undefined;
let options: AuthOptions | undefined;

/** Failed sign-ins of this process, per account and client (see SignInThrottle for the limits). */
const throttle = new SignInThrottle();

/**
 * Read on first use, not on import: `next build` imports this module, and must not create a secret
 * in whatever data directory the build happens to see.
 */
function authSecret(): string {
  return (secret ??= env.NEXTAUTH_SECRET ?? loadOrCreateAuthSecret(env.PATRONUS_DATA_DIR));
}

/** next-auth's options, built on first use (see authSecret). */
export function getAuthOptions(): AuthOptions {
  return (options ??= createAuthOptions(authSecret()));
}

const createAuthOptions = (secret: string): AuthOptions => ({
  secret,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        if (!credentials?.email || !credentials.password) return null;
        const headers = request.headers as Record<string, string | undefined> | undefined;
        const client = clientAddress({
          peer: headers?.[PEER_HEADER],
          forwardedFor: headers?.["x-forwarded-for"],
          trusted: env.PATRONUS_TRUSTED_PROXIES,
        });
        const result = await signIn(
          getDb(),
          { email: credentials.email, password: credentials.password, client },
          throttle,
        );
        getWebMetrics().signIns.inc({ outcome: result.ok ? "success" : result.reason });
        if (result.ok) {
          const { user } = result;
          return { id: String(user.id), email: user.email, name: user.name, sessionVersion: user.session_version };
        }
        if (result.reason === "wrong_credentials") return null;
        // next-auth hands a thrown message to the sign-in form as its error.
        throw new Error(`${THROTTLED_PREFIX} Try again in ${waitText(result.retry_after_ms)}.`);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sv = user.sessionVersion ?? 0;
      return token;
    },
    // The cookie carries only the user id (as `sub`) and the session version; role and email are read
    // afresh on every request, and a deleted account or a newer session version (a password reset or
    // role change) ends the session at once, not when the cookie expires.
    session({ session, token }) {
      return { ...session, user: sessionUserOf(token) };
    },
    // Only paths on this site: a callbackUrl of another origin (or one a browser would read as one) goes home.
    redirect({ url, baseUrl }) {
      if (url.startsWith("/")) return baseUrl + sameOriginPath(url);
      return URL.canParse(url) && new URL(url).origin === new URL(baseUrl).origin ? url : baseUrl;
    },
  },
});

/** The account a decoded session cookie stands for, read afresh: undefined once deleted or its sessions ended. */
function sessionUserOf(token: JWT): SessionUser | undefined {
  const sessionVersion = token.sv ?? 0;
  const user = token.sub ? findSessionUser(getDb(), { id: Number(token.sub), sessionVersion }) : undefined;
  return user && { id: user.id, email: user.email, name: user.name, role: user.role, session_version: sessionVersion };
}

/**
 * Session cookies already decrypted, by their text. Decrypting one (a key derivation and AES-GCM) cost
 * more than answering a small query, and a polling page sends the same cookie every time. Only cookies
 * that decrypt with our secret get in, so the cache is bounded by real sessions (and `max`); the expiry
 * inside is still checked, and the account row is still read on every request (sessionUserOf).
 */
const decodedSessions = new Cache<string, JWT>({ ttlMs: 10 * 60_000, max: 1_000 });
/** jose's tolerance when next-auth decodes (next-auth/jwt decode). */
const CLOCK_TOLERANCE_MS = 15_000;

async function decodeOnce(params: JWTDecodeParams): Promise<JWT | null> {
  const text = params.token;
  if (!text) return null;
  const known = decodedSessions.get(text);
  if (known) return typeof known.exp === "number" && known.exp * 1000 + CLOCK_TOLERANCE_MS <= Date.now() ? null : known;
  const token = await decode(params);
  if (token) decodedSessions.insert(text, token);
  return token;
}

/**
 * The signed-in user of a route handler's request, from its session cookie. The same answer as
 * getServerSession, without its per-request work that a route handler throws away (a fresh CSRF token,
 * re-encrypting the cookie to roll it): docs/architecture.md, "API cost".
 */
async function sessionUserOfRequest(request: RequestHead): Promise<SessionUser | undefined> {
  // next-auth's cookie name follows the URL it serves: NEXTAUTH_URL, or the forwarded protocol it trusts.
  const secureCookie = env.NEXTAUTH_URL
    ? env.NEXTAUTH_URL.startsWith("https://")
    : request.headers.get("x-forwarded-proto") === "https";
  // getToken reads only `cookies` (a Map will do) and `headers`: a NextRequest built to carry them cost
  // about as much as the rest of the lookup.
  const req = { headers: request.headers, cookies: cookiesOf(request.headers.get("cookie")) };
  const token = await getToken({
    req: req as unknown as NextRequest,
    secret: authSecret(),
    secureCookie,
    decode: decodeOnce,
  });
  return token ? sessionUserOf(token) : undefined;
}

/** "12 seconds", "1 minute", "15 minutes": how long a throttled client waits, rounded up. */
function waitText(ms: number): string {
  const [n, unit] = ms < 60_000 ? [Math.ceil(ms / 1_000), "second"] : [Math.ceil(ms / 60_000), "minute"];
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

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
 * resolveViewer), with why it is anonymous when it is, and how to re-check it later. A metrics API
 * token is anonymous unless the route accepts it (GraphQL's guards and the metrics ingest judge it).
 */
export async function viewerOfRequest(
  request: RequestHead,
  { acceptMetricsToken = false }: { acceptMetricsToken?: boolean } = {},
): Promise<{ viewer?: Viewer; authError?: string; stillValid?: () => boolean }> {
  const db = getDb();
  const resolved = await resolveViewer(db, {
    authorization: request.headers.get("authorization"),
    session: () => sessionUserOfRequest(request),
  });
  return acceptMetricsToken ? resolved : refuseMetricsToken(db, resolved, new URL(request.url).pathname);
}

/** The 401 a route handler answers an anonymous request with. */
export function anonymousRefusal(authError: string | undefined): Response {
  return Response.json({ error: authError ?? SIGN_IN_HINT }, { status: 401 });
}
