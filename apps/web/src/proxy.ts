import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageContentSecurityPolicy } from "~/server/content-security-policy";

/**
 * Gives every page its own script nonce in a Content-Security-Policy (the approach Next documents in
 * its CSP guide). The other security headers, and the API's policy, come from next.config.ts.
 */
export function proxy(request: NextRequest): NextResponse {
  // eslint-disable-next-line no-restricted-properties -- NODE_ENV is set by next itself (dev or start) and inlined at build time
  const policy = pageContentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: API routes and static files carry next.config.ts's policy; prefetches need no nonce.
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
