import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "~/server/auth";

async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return NextAuth(request, context, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
