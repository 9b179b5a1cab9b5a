import { describe, expect, it } from "vitest";
import { createLogger, logFormatOf, withRequestId, type LogLevel } from ".";

const at = Date.UTC(2026, 10, 30, 10, 2, 3, 456);

function capture(options: { format: "json" | "pretty"; level?: LogLevel }) {
  const lines: { line: string; level: LogLevel }[] = [];
  const logger = createLogger({ ...options, now: () => at, write: (line, level) => lines.push({ line, level }) });
  return { logger, lines };
}

const parse = (line: string) => JSON.parse(line) as Record<string, unknown>;

describe("the logger", () => {
  it("writes one JSON object a line with time, level, message and the child's fields", () => {
    const { logger, lines } = capture({ format: "json" });

    logger.child({ component: "snapshots" }).info("snapshot written", { rows: 25 });

    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!.line)).toEqual({
      time: "2026-11-30T10:02:03.456Z",
      level: "info",
      msg: "snapshot written",
      component: "snapshots",
      rows: 25,
    });
  });

  it("drops lines below its level", () => {
    const { logger, lines } = capture({ format: "json", level: "warn" });

    logger.debug("noise");
    logger.info("more noise");
    logger.warn("kept");

    expect(lines.map((l) => parse(l.line).msg)).toEqual(["kept"]);
  });

  it("names the request a line was logged for, through awaits", async () => {
    const { logger, lines } = capture({ format: "json" });

    await withRequestId("req-1", async () => {
      await Promise.resolve();
      logger.error("resolver failed");
    });
    logger.info("outside any request");

    expect(lines.map((l) => parse(l.line).request_id)).toEqual(["req-1", undefined]);
  });

  it("serialises an error field as its name, message and stack, and keeps a line whose fields cannot be", () => {
    const { logger, lines } = capture({ format: "json" });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;

    logger.error("failed", { error: new TypeError("bad input") });
    logger.warn("odd", { cyclic });

    expect(JSON.parse(lines[0]!.line).error).toMatchObject({ name: "TypeError", message: "bad input" });
    expect(JSON.parse(lines[1]!.line)).toMatchObject({ msg: "odd", fields_error: "fields not serialisable" });
  });

  it("writes a readable line in development, with the component, the fields and an error's stack", () => {
    const { logger, lines } = capture({ format: "pretty" });

    logger.child({ component: "collector" }).warn("template write failed", { rows: 3, error: new Error("disk full") });

    const [first, ...stack] = lines[0]!.line.split("\n");
    expect(first).toBe('10:02:03.456 WARN  [collector] template write failed rows=3 error="disk full"');
    expect(stack[0]).toBe("Error: disk full");
    expect(lines[0]!.level).toBe("warn");
  });

  it("logs JSON under NODE_ENV=production unless PATRONUS_LOG_FORMAT says otherwise", () => {
    expect(logFormatOf({ nodeEnv: "production" })).toBe("json");
    expect(logFormatOf({ nodeEnv: "development" })).toBe("pretty");
    expect(logFormatOf({ nodeEnv: "production", format: "pretty" })).toBe("pretty");
    expect(logFormatOf({ format: "json" })).toBe("json");
  });
});
