import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { env } from "~/env";
import { isServedHost } from "~/server/served-hosts";

/** Far above any sign-in form (email, password of at most 1,024 characters, CSRF token, callback URL). */
const MAX_BODY_BYTES = 64 * 1024;

async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  // Without NEXTAUTH_URL, next-auth builds its URLs from the (forwarded) Host: believe only one naming this machine.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!env.NEXTAUTH_URL && !isServedHost(host, env.PORT)) {
    return Response.json({ error: `${host ?? "(no host)"} is not an address of this server; set NEXTAUTH_URL to the dashboard's public URL` }, { status: 421 });
  }
  // next-auth buffers the whole body before its CSRF check, so it only ever gets a capped copy.
  const body = await readCapped(request, MAX_BODY_BYTES);
  if (body === undefined) {
    return Response.json({ error: `The request body is larger than ${MAX_BODY_BYTES} bytes.` }, { status: 413, headers: { connection: "close" } });
  }
  const capped = new NextRequest(request.url, { method: request.method, headers: request.headers, body: body === "" ? undefined : body });
  // Imported here, after the checks: auth.ts is server-only, and the checks above are tested without Next.
  const { getAuthOptions } = await import("~/server/auth");
  return NextAuth(capped, context, getAuthOptions()) as Promise<Response>;
}

/**
 * The body as text (next-auth reads only JSON and form bodies), or undefined once it passes `max` bytes: refused at once from Content-Length, else counted
 * as it streams in (a chunked body has no length), and the rest is never read.
 */
async function readCapped(request: Request, max: number): Promise<string | undefined> {
  if (Number(request.headers.get("content-length") ?? 0) > max) return undefined;
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) return undefined; // leaving the loop cancels the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export { handler as GET, handler as POST };
