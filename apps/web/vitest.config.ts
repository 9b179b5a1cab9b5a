import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    include: ["src/**/*.test.ts"],
    // Cheap scrypt for fixtures and sign-ins; see the file.
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 30_000,
    // Setup hashes passwords with scrypt (about 100 ms each, far more on a loaded machine).
    hookTimeout: 30_000,
    reporters: ["default", "json"],
    outputFile: { json: ".reports/vitest.json" },
  },
});
