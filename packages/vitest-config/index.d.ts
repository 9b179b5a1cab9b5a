import type { UserConfig } from "vitest/config";

/** The shared settings with a workspace's own (setup files, aliases) merged in. */
export function defineWorkspaceConfig(own?: UserConfig): UserConfig;
