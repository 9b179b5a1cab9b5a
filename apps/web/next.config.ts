import type { NextConfig } from "next";

/*
 * Sent with every response. Pages get their Content-Security-Policy, with a per-request script nonce,
 * from src/proxy.ts; the API's responses get one that allows nothing to run or frame them. See docs/operations.md, "Sign-in and sessions".
 */
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
const nothingRuns = { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" };

const config: NextConfig = {
  // Core ships TypeScript source (no build step of its own), so Next compiles it with the app.
  transpilePackages: ["@patronus/core"],
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  headers: async () => [
    { source: "/:path*", headers: securityHeaders },
    { source: "/api/:path*", headers: [nothingRuns] },
  ],
};

export default config;
