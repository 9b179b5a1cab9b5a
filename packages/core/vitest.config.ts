import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Cheap scrypt for fixtures and sign-ins; see the file.
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 30_000,
    reporters: ["default", "json"],
    outputFile: { json: ".reports/vitest.json" },
  },
});
