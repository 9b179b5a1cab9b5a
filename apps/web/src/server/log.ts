import { loggerFromEnv, type Logger } from "@patronus/core/log";
import { env } from "~/env";

const holder = globalThis as typeof globalThis & { __patronusLogger?: Logger };

/** The web process's logger (docs/operations.md, "Logs"); on globalThis because Next may load this module per route bundle. */
export function getLogger(): Logger {
  return (holder.__patronusLogger ??= loggerFromEnv(env, { component: "web" }));
}
