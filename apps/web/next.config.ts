import type { NextConfig } from "next";

const config: NextConfig = {
  // Core ships TypeScript source (no build step of its own), so Next compiles it with the app.
  transpilePackages: ["@patronus/core"],
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
};

export default config;
