import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { env } from "~/env";
import { getAuthOptions } from "~/server/auth";
import { isServedHost } from "~/server/served-hosts";

async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  // Without NEXTAUTH_URL, next-auth builds its URLs from the (forwarded) Host: believe only one naming this machine.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!env.NEXTAUTH_URL && !isServedHost(host, env.PORT)) {
    return Response.json({ error: `${host ?? "(no host)"} is not an address of this server; set NEXTAUTH_URL to the dashboard's public URL` }, { status: 421 });
  }
  return NextAuth(request, context, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
