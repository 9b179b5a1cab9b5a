// The test settings every workspace shares. The JSON report is what `.ci/test-summary.mjs` sums into
// `npm test`'s closing line, so every workspace writes it to the same place.
import { defineConfig, mergeConfig } from "vitest/config";

const base = defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Real SQLite files, sockets and child processes on a shared CI machine: generous, never hit by a passing test.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ["default", "json"],
    outputFile: { json: ".reports/vitest.json" },
  },
});

/** The shared settings with a workspace's own (setup files, aliases) merged in. */
export function defineWorkspaceConfig(own = {}) {
  return mergeConfig(base, defineConfig(own));
}
