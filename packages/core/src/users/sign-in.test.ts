import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditLog } from "../audit";
import { createTestDb, type TestDb } from "../testing";
import { clientKey, signIn, SignInThrottle } from "./sign-in";
import { createUser } from "./users";

const SECOND = 1_000;
const MINUTE = 60_000;
const RIGHT = "correct horse battery";

/** A throttle on a clock the test moves by hand. */
function throttleWithClock(options: ConstructorParameters<typeof SignInThrottle>[0] = {}) {
  const clock = { now: 1_000_000 };
  return { clock, throttle: new SignInThrottle({ failuresPerMinute: 1_000, ...options, now: () => clock.now }) };
}

/** Attempts that the throttle lets through and that then fail, as a wrong password does. */
const failTimes = (throttle: SignInThrottle, n: number, email: string, client: string) => {
  for (let i = 0; i < n; i++) {
    throttle.begin(email, client);
    throttle.recordFailure(email, client);
  }
};
const wait = (throttle: SignInThrottle, email: string, client: string) => {
  const { retryAfterMs } = throttle.begin(email, client);
  if (retryAfterMs === 0) throttle.cancel();
  return retryAfterMs;
};

describe("the sign-in throttle", () => {
  it("lets a client three free failures on an account, then doubles its wait with each further failure", () => {
    const { throttle } = throttleWithClock();
    failTimes(throttle, 3, "ops@example.com", "192.0.2.7");
    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(0);

    const waits = [];
    for (let i = 0; i < 5; i++) {
      throttle.recordFailure("OPS@example.com ", "192.0.2.7");
      waits.push(wait(throttle, "ops@example.com", "192.0.2.7"));
    }

    expect(waits).toEqual([1, 2, 4, 8, 16].map((s) => s * SECOND));
  });

  it("lets a client try again once its wait has passed", () => {
    const { throttle, clock } = throttleWithClock();
    failTimes(throttle, 5, "ops@example.com", "192.0.2.7");

    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(2 * SECOND);
    clock.now += 2 * SECOND;
    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(0);
  });

  it("caps one client's wait on one account at 15 minutes", () => {
    const { throttle } = throttleWithClock();
    failTimes(throttle, 40, "ops@example.com", "192.0.2.7");

    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(15 * MINUTE);
  });

  it("keeps the account open to other clients while one client waits", () => {
    const { throttle } = throttleWithClock();
    failTimes(throttle, 10, "ops@example.com", "203.0.113.9");

    expect(wait(throttle, "ops@example.com", "203.0.113.9")).toBeGreaterThan(0);
    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(0);
  });

  it("slows, but never locks, an account for everyone when guesses come from many clients", () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 200; i++) failTimes(throttle, 1, "ops@example.com", `198.51.100.${i}`);

    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(MINUTE);
  });

  it("slows one client trying many accounts, and not the others", () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 24; i++) failTimes(throttle, 1, `user${i}@example.com`, "192.0.2.7");

    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(8 * SECOND);
    expect(wait(throttle, "ops@example.com", "192.0.2.8")).toBe(0);
  });

  it("forgets a client's failures on that account when it signs in, so typos never add up to a wait", () => {
    const { throttle } = throttleWithClock();
    for (let round = 0; round < 3; round++) {
      failTimes(throttle, 3, "ops@example.com", "192.0.2.7");
      throttle.recordSuccess("ops@example.com", "192.0.2.7");
    }
    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(0);
  });

  it("says which refusal is a wait's first", () => {
    const { throttle } = throttleWithClock();
    failTimes(throttle, 4, "ops@example.com", "192.0.2.7");

    expect(throttle.begin("ops@example.com", "192.0.2.7").firstRefusal).toBe(true);
    expect(throttle.begin("ops@example.com", "192.0.2.7").firstRefusal).toBe(false);
  });

  it("tracks no more keys than it may, under a flood of made-up emails", () => {
    const { throttle } = throttleWithClock({ maxTracked: 30 });
    for (let i = 0; i < 1_000; i++) failTimes(throttle, 1, `flood${i}@example.com`, `client${i}`);

    expect(throttle.tracked).toBe(30);
    failTimes(throttle, 5, "ops@example.com", "192.0.2.7");
    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(2 * SECOND);
  });

  it("refuses every attempt once the process's failure budget is spent, until it refills", () => {
    const { throttle, clock } = throttleWithClock({ failuresPerMinute: 3 });
    for (let i = 0; i < 3; i++) failTimes(throttle, 1, `user${i}@example.com`, `198.51.100.${i}`);

    expect(throttle.begin("ops@example.com", "192.0.2.7")).toEqual({ retryAfterMs: 20 * SECOND, firstRefusal: true });
    clock.now += 20 * SECOND;
    expect(throttle.begin("ops@example.com", "192.0.2.7").retryAfterMs).toBe(0);
  });

  it("still admits an account's recent client once the failure budget is spent", () => {
    const { throttle } = throttleWithClock({ failuresPerMinute: 3 });
    throttle.begin("admin@example.com", "192.0.2.7");
    throttle.recordSuccess("admin@example.com", "192.0.2.7");
    for (let i = 0; i < 3; i++) failTimes(throttle, 1, `user${i}@example.com`, `198.51.100.${i}`);

    expect(throttle.begin("admin@example.com", "192.0.2.7").retryAfterMs).toBe(0);
    expect(throttle.begin("admin@example.com", "192.0.2.8").retryAfterMs).toBeGreaterThan(0);
  });

  it("keeps an account open to its recent client however many other clients fail on it", () => {
    const { throttle } = throttleWithClock();
    throttle.begin("admin@example.com", "192.0.2.7");
    throttle.recordSuccess("admin@example.com", "192.0.2.7");
    for (let i = 0; i < 200; i++) failTimes(throttle, 1, "admin@example.com", `198.51.100.${i}`);

    expect(wait(throttle, "admin@example.com", "192.0.2.7")).toBe(0);
  });

  it("remembers a bounded number of recent clients, forgetting the least recently successful first", () => {
    const { throttle } = throttleWithClock({ failuresPerMinute: 1, recentSuccesses: { max: 2, ttlMs: MINUTE } });
    for (const client of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) throttle.recordSuccess("admin@example.com", client);
    failTimes(throttle, 1, "user@example.com", "198.51.100.1");

    expect(throttle.begin("admin@example.com", "192.0.2.1").retryAfterMs).toBeGreaterThan(0);
    expect(throttle.begin("admin@example.com", "192.0.2.3").retryAfterMs).toBe(0);
  });

  it("counts failures from addresses in one IPv6 /64 as one client's", () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 24; i++)
      failTimes(throttle, 1, `user${i}@example.com`, `2001:db8:1:2::${(i + 1).toString(16)}`);

    expect(wait(throttle, "ops@example.com", "2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(8 * SECOND);
    expect(wait(throttle, "ops@example.com", "2001:db8:1:3::1")).toBe(0);
  });

  it.each([
    ["2001:db8:1:2::5", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:0000:0000:0000:0007", "2001:db8:1:2::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["192.0.2.7", "192.0.2.7"],
    ["unknown", "unknown"],
  ])("keys client %s as %s", (client, key) => {
    expect(clientKey(client)).toBe(key);
  });

  it("counts only failures against the budget: a successful sign-in gives its reservation back", () => {
    const { throttle } = throttleWithClock({ failuresPerMinute: 2 });
    for (let i = 0; i < 10; i++) {
      expect(throttle.begin("ops@example.com", "192.0.2.7").retryAfterMs).toBe(0);
      throttle.recordSuccess("ops@example.com", "192.0.2.7");
    }
  });
});

describe("signIn", () => {
  let t: TestDb;
  beforeAll(() => {
    t = createTestDb();
    createUser(t.db, { email: "ops@example.com", password: RIGHT, role: "operator" });
  });
  afterAll(() => t.destroy());
  // One free failure, then waits, to keep these tests short.
  const strict = () => throttleWithClock({ pair: { free: 1, baseMs: 15 * MINUTE, maxMs: 15 * MINUTE } });

  it("lets the right password in and audits who signed in from where", async () => {
    const { throttle } = strict();

    expect(
      await signIn(t.db, { email: "ops@example.com", password: RIGHT, client: "192.0.2.7" }, throttle),
    ).toMatchObject({
      ok: true,
      user: { email: "ops@example.com", role: "operator", session_version: 0 },
    });
    expect(listAuditLog(t.db, { limit: 1 })[0]).toMatchObject({
      actor: "ops@example.com",
      action: "user.sign_in",
      target: "user:ops@example.com",
      outcome: "success",
      details: { client: "192.0.2.7" },
    });
  });

  it("answers an unknown email as a wrong password, and audits both as failed", async () => {
    const { throttle } = strict();
    const attempt = (email: string) =>
      signIn(t.db, { email, password: "wrong password!!", client: "192.0.2.7" }, throttle);

    expect(await attempt("ops@example.com")).toEqual({ ok: false, reason: "wrong_credentials" });
    expect(await attempt("nobody@example.com")).toEqual({ ok: false, reason: "wrong_credentials" });
    expect(listAuditLog(t.db, { limit: 2 }).map((e) => [e.actor, e.outcome])).toEqual([
      ["nobody@example.com", "failed"],
      ["ops@example.com", "failed"],
    ]);
  });

  it("refuses even the right password while the client waits, and audits only the wait's first refusal", async () => {
    const { throttle } = strict();
    const attempt = (password: string) =>
      signIn(t.db, { email: "ops@example.com", password, client: "203.0.113.9" }, throttle);
    await attempt("wrong password!!");
    await attempt("wrong password!!");
    const before = listAuditLog(t.db, { limit: 1000 }).length;

    const refusals = await Promise.all(Array.from({ length: 50 }, () => attempt(RIGHT)));

    expect(refusals.every((r) => !r.ok && r.reason === "throttled" && r.retry_after_ms === 15 * MINUTE)).toBe(true);
    const log = listAuditLog(t.db, { limit: 1000 });
    expect(log).toHaveLength(before + 1);
    expect(log[0]).toMatchObject({
      outcome: "denied",
      details: { reason: "too many failed sign-ins", client: "203.0.113.9" },
    });
  });

  it("refuses a burst of sign-ins past the failure budget before checking their passwords", async () => {
    const { throttle } = throttleWithClock({ failuresPerMinute: 3 });

    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        signIn(t.db, { email: "ops@example.com", password: "wrong password!!", client: `198.51.100.${i}` }, throttle),
      ),
    );

    expect(burst.filter((r) => !r.ok && r.reason === "wrong_credentials")).toHaveLength(3);
    expect(burst.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(7);
  });

  it("spends no failure budget on passwords past 1,024 characters", async () => {
    const { throttle } = throttleWithClock({ failuresPerMinute: 3 });
    for (let i = 0; i < 10; i++) {
      await signIn(
        t.db,
        { email: "ops@example.com", password: "x".repeat(1_025), client: `198.51.100.${i}` },
        throttle,
      );
    }

    expect(
      await signIn(t.db, { email: "ops@example.com", password: RIGHT, client: "192.0.2.7" }, throttle),
    ).toMatchObject({ ok: true });
  });

  it("bounds the audit rows passwords past 1,024 characters can write, on a budget of their own", async () => {
    const { throttle } = throttleWithClock({ failuresPerMinute: 3 });
    const before = listAuditLog(t.db, { limit: 10_000 }).length;

    for (let i = 0; i < 10; i++) {
      await signIn(
        t.db,
        { email: `made-up${i}@example.com`, password: "x".repeat(1_025), client: `198.51.100.${i}` },
        throttle,
      );
    }

    const log = listAuditLog(t.db, { limit: 10_000 });
    const written = log.slice(0, log.length - before);
    expect(written.map((e) => e.outcome).sort()).toEqual(["denied", "failed", "failed", "failed"]);
  });

  it("lets an account in from its usual client while anonymous clients keep the failure budget spent and the account slowed", async () => {
    const { throttle } = throttleWithClock({ failuresPerMinute: 3 });
    expect(
      await signIn(t.db, { email: "ops@example.com", password: RIGHT, client: "192.0.2.7" }, throttle),
    ).toMatchObject({ ok: true });
    const attackers = [
      ...Array.from({ length: 30 }, (_, i) => `198.51.100.${i}`),
      ...Array.from({ length: 30 }, (_, i) => `2001:db8::${i + 1}`),
    ];
    for (const client of attackers) {
      for (let i = 0; i < 20; i++) {
        await signIn(
          t.db,
          { email: "ops@example.com", password: i % 2 ? "x".repeat(1_025) : "wrong password!!", client },
          throttle,
        );
      }
    }
    expect((await signIn(t.db, { email: "ops@example.com", password: RIGHT, client: "192.0.2.99" }, throttle)).ok).toBe(
      false,
    );

    expect(
      await signIn(t.db, { email: "ops@example.com", password: RIGHT, client: "192.0.2.7" }, throttle),
    ).toMatchObject({ ok: true });
  });

  it("answers a password past 1,024 characters as wrong without hashing it, and audits why", async () => {
    const { throttle } = throttleWithClock();

    const result = await signIn(
      t.db,
      { email: "ops@example.com", password: "x".repeat(1_000_000), client: "192.0.2.7" },
      throttle,
    );

    expect(result).toEqual({ ok: false, reason: "wrong_credentials" });
    expect(listAuditLog(t.db, { limit: 1 })[0]).toMatchObject({
      outcome: "failed",
      details: { reason: "password longer than 1024 characters" },
    });
  });
});
