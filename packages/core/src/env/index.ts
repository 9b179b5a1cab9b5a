/**
 * The one place that reads `process.env` (the lint rule in packages/eslint-config bans it elsewhere):
 * each process declares its variables as a zod object and loads them here once, at start.
 * docs/configuration.md lists every variable.
 */
import { z } from "zod";

/** Variables more than one process reads, declared once so their defaults and checks cannot drift apart. */
export const sharedEnv = {
  /** Where patronus.db and the generated secrets live; every process must see the same one. */
  PATRONUS_DATA_DIR: z.string().min(1).default("data"),
  /** Bearer secret of the collector's control interface; generated into the data directory when unset. */
  PATRONUS_CONTROL_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** Bearer token /metrics asks of every scraper; unset, /metrics answers loopback clients only. */
  PATRONUS_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** json: one object a line; pretty: readable lines. Unset: json under NODE_ENV=production (docs/operations.md, "Logs"). */
  PATRONUS_LOG_FORMAT: z.enum(["json", "pretty"], "must be json or pretty").optional(),
  PATRONUS_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"], "must be debug, info, warn or error").default("info"),
  NODE_ENV: z.string().optional(),
};

/** A variable whose text `parse` turns into a value, its thrown message becoming the variable's error. */
export function parsedVariable<T>(parse: (text: string) => T) {
  return z.string().transform((text, ctx) => {
    try {
      return parse(text);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  });
}

/** Thrown by loadEnv; its message names each bad variable with what is wrong with it. */
export class EnvError extends Error {
  constructor(problems: string) {
    super(`invalid environment: ${problems}`);
    this.name = "EnvError";
  }
}

/** Validates `source` against `schema` once; throws an EnvError naming every bad variable. */
export function loadEnv<Schema extends z.ZodType>(
  schema: Schema,
  source: Record<string, string | undefined> = process.env,
): z.output<Schema> {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  throw new EnvError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; "));
}

/** loadEnv for a command's entry point: a bad variable ends it with one line (`label: …`), not a stack trace. */
export function loadEnvOrExit<Schema extends z.ZodType>(schema: Schema, label: string): z.output<Schema> {
  try {
    return loadEnv(schema);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`${label}: ${error.message}`);
    process.exit(1);
  }
}
