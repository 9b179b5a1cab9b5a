import { fileURLToPath } from "node:url";
import { defineWorkspaceConfig } from "@patronus/vitest-config";

export default defineWorkspaceConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./src", import.meta.url)) } },
  // Cheap scrypt for fixtures and sign-ins; see the file.
  test: { setupFiles: ["./vitest.setup.ts"] },
});
