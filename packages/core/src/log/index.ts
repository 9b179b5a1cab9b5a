import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The processes' one logger: a JSON object a line in production (for journald, Loki, CloudWatch...),
 * a readable line in development, with levels and the request id of whatever request the code runs
 * for. Own code rather than pino: four levels and two formats are 100 lines, and every caller is off
 * the hot path (the collector logs per event, never per datagram). docs/operations.md, "Logs".
 */
export const logLevels = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof logLevels)[number];
export type LogFormat = "json" | "pretty";
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** The same logger with `fields` on every line (a component, a request id). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  format: LogFormat;
  /** Lines below this level are dropped. */
  level?: LogLevel;
  fields?: LogFields;
  /** Where a finished line goes; by default stdout, and stderr for warn and error. */
  write?: (line: string, level: LogLevel) => void;
  now?: () => number;
}

/**
 * Carries the current request's id through its async work, so a log line deep in a resolver names it.
 * On globalThis: Next bundles the instrumentation hook that sets it apart from the routes that log.
 */
const holder = globalThis as typeof globalThis & { __patronusRequestScope?: AsyncLocalStorage<{ requestId: string }> };
const requestScope = (holder.__patronusRequestScope ??= new AsyncLocalStorage<{ requestId: string }>());

/** Runs `work` as part of the request `requestId`: every line logged inside carries `request_id`. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return requestScope.run({ requestId }, work);
}

/** Marks the rest of the current execution (and what it starts) as request `requestId`; for hooks that cannot wrap. */
export function enterRequest(requestId: string): void {
  requestScope.enterWith({ requestId });
}

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

const defaultWrite = (line: string, level: LogLevel) =>
  (level === "warn" || level === "error" ? process.stderr : process.stdout).write(`${line}\n`);

export function createLogger({
  format,
  level = "info",
  fields = {},
  write = defaultWrite,
  now = Date.now,
}: LoggerOptions): Logger {
  const threshold = logLevels.indexOf(level);
  const emit = (at: LogLevel, message: string, extra: LogFields | undefined) => {
    if (logLevels.indexOf(at) < threshold) return;
    const requestId = currentRequestId();
    const all = { ...fields, ...(requestId ? { request_id: requestId } : {}), ...extra };
    write(format === "json" ? jsonLine(now(), at, message, all) : prettyLine(now(), at, message, all), at);
  };
  return {
    debug: (message, extra) => emit("debug", message, extra),
    info: (message, extra) => emit("info", message, extra),
    warn: (message, extra) => emit("warn", message, extra),
    error: (message, extra) => emit("error", message, extra),
    child: (more) => createLogger({ format, level, fields: { ...fields, ...more }, write, now }),
  };
}

function jsonLine(time: number, level: LogLevel, msg: string, fields: LogFields): string {
  const record: LogFields = { time: new Date(time).toISOString(), level, msg };
  for (const [key, value] of Object.entries(fields)) if (!(key in record)) record[key] = plain(value);
  try {
    return JSON.stringify(record);
  } catch {
    // A cycle or a BigInt in someone's fields: the line still goes out, without them.
    return JSON.stringify({ time: record.time, level, msg, fields_error: "fields not serialisable" });
  }
}

/** `10:02:03.456 INFO  [collector] message key=value`, then an error's stack on the following lines. */
function prettyLine(time: number, level: LogLevel, msg: string, fields: LogFields): string {
  const { component, ...rest } = fields;
  let stack = "";
  const pairs = Object.entries(rest).map(([key, value]) => {
    if (value instanceof Error) {
      stack = `\n${value.stack ?? `${value.name}: ${value.message}`}`;
      return `${key}=${JSON.stringify(value.message)}`;
    }
    return `${key}=${typeof value === "string" ? value : JSON.stringify(plain(value))}`;
  });
  const clock = new Date(time).toISOString().slice(11, 23);
  const where = typeof component === "string" ? ` [${component}]` : "";
  return `${clock} ${level.toUpperCase().padEnd(5)}${where} ${msg}${pairs.length ? ` ${pairs.join(" ")}` : ""}${stack}`;
}

/** Errors as name, message and stack (JSON.stringify would give {}); BigInts as numbers' text. */
function plain(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** The format a process logs in: PATRONUS_LOG_FORMAT when set, else JSON under NODE_ENV=production. */
export function logFormatOf({ format, nodeEnv }: { format?: LogFormat; nodeEnv?: string }): LogFormat {
  return format ?? (nodeEnv === "production" ? "json" : "pretty");
}

/** A process's logger from its validated environment (sharedEnv's PATRONUS_LOG_* and NODE_ENV). */
export function loggerFromEnv(
  env: { PATRONUS_LOG_FORMAT?: LogFormat; PATRONUS_LOG_LEVEL: LogLevel; NODE_ENV?: string },
  fields: LogFields = {},
): Logger {
  return createLogger({
    format: logFormatOf({ format: env.PATRONUS_LOG_FORMAT, nodeEnv: env.NODE_ENV }),
    level: env.PATRONUS_LOG_LEVEL,
    fields,
  });
}

/**
 * A logger from a plain line sink, for callers (tests, embedders) that pass `(line) => ...`: every level
 * goes to it, fields dropped. A Logger is returned as it is.
 */
export function asLogger(log: Logger | ((line: string) => void)): Logger {
  if (typeof log !== "function") return log;
  const write = (message: string) => log(message);
  const logger: Logger = { debug: write, info: write, warn: write, error: write, child: () => logger };
  return logger;
}
