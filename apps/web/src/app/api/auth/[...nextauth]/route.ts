import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { env } from "~/env";
import { isServedHost } from "~/server/served-hosts";
import { readCapped } from "~/server/read-capped";

/** Far above any sign-in form (email, password of at most 1,024 characters, CSRF token, callback URL). */
const MAX_BODY_BYTES = 64 * 1024;

async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  // Without NEXTAUTH_URL, next-auth builds its URLs from the (forwarded) Host: believe only one naming this machine.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!env.NEXTAUTH_URL && !isServedHost(host, env.PORT)) {
    return Response.json(
      {
        error: `${host ?? "(no host)"} is not an address of this server; set NEXTAUTH_URL to the dashboard's public URL`,
      },
      { status: 421 },
    );
  }
  // next-auth buffers the whole body before its CSRF check, so it only ever gets a capped copy.
  const body = await readCapped(request, MAX_BODY_BYTES);
  if (body === undefined) {
    return Response.json(
      { error: `The request body is larger than ${MAX_BODY_BYTES} bytes.` },
      { status: 413, headers: { connection: "close" } },
    );
  }
  const capped = new NextRequest(request.url, {
    method: request.method,
    headers: request.headers,
    body: body === "" ? undefined : body,
  });
  // Imported here, after the checks: auth.ts is server-only, and the checks above are tested without Next.
  const { getAuthOptions } = await import("~/server/auth");
  return NextAuth(capped, context, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
