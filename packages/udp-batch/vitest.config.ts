import { defineWorkspaceConfig } from "@patronus/vitest-config";

export default defineWorkspaceConfig();
