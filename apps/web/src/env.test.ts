import { describe, expect, it } from "vitest";
import { loadEnv } from "~/env";

describe("the web app's environment", () => {
  it("has a default for every variable it needs (docs/configuration.md)", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      PATRONUS_DATA_DIR: "data",
      PATRONUS_COLLECTOR_URL: "http://127.0.0.1:2056",
      PORT: 3000,
      PATRONUS_DEMO_METRICS_INTERVAL_MS: 30_000,
    });
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
    expect(env.PATRONUS_TRUSTED_PROXIES.check("127.0.0.1")).toBe(false);
  });

  it("believes the listed proxies", () => {
    const env = loadEnv({ PATRONUS_TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8" });
    expect(env.PATRONUS_TRUSTED_PROXIES.check("10.1.2.3")).toBe(true);
    expect(env.PATRONUS_TRUSTED_PROXIES.check("192.0.2.1")).toBe(false);
  });

  it("names each bad variable", () => {
    expect(() => loadEnv({ PATRONUS_TRUSTED_PROXIES: "10.0.0.0/33", NEXTAUTH_SECRET: "short", PORT: "x" })).toThrow(
      /^invalid environment: .*NEXTAUTH_SECRET: must be at least 32 characters.*PORT: .*PATRONUS_TRUSTED_PROXIES: "10\.0\.0\.0\/33" is not an IP address or CIDR range/,
    );
  });

  it("takes 0 to turn the demo metrics feed off, and refuses an interval too short to be meant", () => {
    expect(loadEnv({ PATRONUS_DEMO_METRICS_INTERVAL_MS: "0" }).PATRONUS_DEMO_METRICS_INTERVAL_MS).toBe(0);
    expect(() => loadEnv({ PATRONUS_DEMO_METRICS_INTERVAL_MS: "5" })).toThrow(
      /PATRONUS_DEMO_METRICS_INTERVAL_MS: must be 0 \(off\) or 1000 to 3600000/,
    );
  });
});
