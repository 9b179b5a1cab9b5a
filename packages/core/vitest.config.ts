import { defineWorkspaceConfig } from "@patronus/vitest-config";

// Cheap scrypt for fixtures and sign-ins; see the file.
export default defineWorkspaceConfig({ test: { setupFiles: ["./vitest.setup.ts"] } });
