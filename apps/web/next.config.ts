import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./src/security-headers";

const config: NextConfig = {
  // Core ships TypeScript source (no build step of its own), so Next compiles it with the app.
  transpilePackages: ["@patronus/core"],
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  headers: async () => [
    { source: "/:path*", headers: SECURITY_HEADERS },
    { source: "/api/:path*", headers: [API_CONTENT_SECURITY_POLICY] },
  ],
};

export default config;
