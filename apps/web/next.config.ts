import type { NextConfig } from "next";

/*
 * Sent with every response. Scripts and styles need 'unsafe-inline': Next's App Router inlines its
 * bootstrap scripts, and only a per-request nonce (a proxy that makes every page dynamic) would avoid
 * it; recharts sets inline styles. Everything else is this origin only, and nothing may frame the
 * dashboard (clickjacking of its admin buttons). See docs/operations.md, "Sign-in and sessions".
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const config: NextConfig = {
  // Core ships TypeScript source (no build step of its own), so Next compiles it with the app.
  transpilePackages: ["@patronus/core"],
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  headers: async () => [{ source: "/:path*", headers: securityHeaders }],
};

export default config;
