import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { EnvError, loadEnv, parsedVariable, sharedEnv } from ".";

const schema = z.object({
  ...sharedEnv,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LIST: parsedVariable((text) =>
    text.split(",").map((item) => {
      if (!/^\d+$/.test(item)) throw new Error(`"${item}" is not a number`);
      return Number(item);
    }),
  ).prefault("1"),
});

describe("loadEnv", () => {
  it("applies the defaults, PATRONUS_DATA_DIR's among them, when nothing is set", () => {
    expect(loadEnv(schema, {})).toEqual({
      PATRONUS_DATA_DIR: "data",
      PATRONUS_LOG_LEVEL: "info",
      PORT: 3000,
      LIST: [1],
    });
  });

  it("keeps and converts what is set", () => {
    expect(loadEnv(schema, { PATRONUS_DATA_DIR: "/var/lib/patronus", PORT: "8080", LIST: "2,3" })).toEqual({
      PATRONUS_DATA_DIR: "/var/lib/patronus",
      PATRONUS_LOG_LEVEL: "info",
      PORT: 8080,
      LIST: [2, 3],
    });
  });

  it("names every bad variable with what is wrong with it, and only those", () => {
    const error = catchError(() =>
      loadEnv(schema, { PATRONUS_DATA_DIR: "/data", PORT: "70000", LIST: "2,x", PATRONUS_CONTROL_SECRET: "short" }),
    );
    expect(error).toBeInstanceOf(EnvError);
    const { message } = error as Error;
    expect(message).toMatch(/^invalid environment: /);
    expect(message).toContain("PORT: ");
    expect(message).toContain('LIST: "x" is not a number');
    expect(message).toContain("PATRONUS_CONTROL_SECRET: must be at least 16 characters");
    expect(message).not.toContain("PATRONUS_DATA_DIR");
  });

  it("refuses an empty PATRONUS_DATA_DIR rather than using the current directory", () => {
    expect(() => loadEnv(schema, { PATRONUS_DATA_DIR: "" })).toThrow(/PATRONUS_DATA_DIR: /);
  });

  afterEach(() => vi.unstubAllEnvs());

  it("reads the process's own environment when given no source", () => {
    vi.stubEnv("PATRONUS_ENV_TEST_VARIABLE", "from the process");
    expect(loadEnv(z.object({ PATRONUS_ENV_TEST_VARIABLE: z.string().default("unset") }))).toEqual({
      PATRONUS_ENV_TEST_VARIABLE: "from the process",
    });
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}
