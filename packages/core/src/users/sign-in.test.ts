import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditLog } from "../audit";
import { createTestDb, type TestDb } from "../testing";
import { signIn, SignInThrottle } from "./sign-in";
import { createUser } from "./users";

const MINUTE = 60_000;
const RIGHT = "correct horse battery";

/** A throttle on a clock the test moves by hand. */
function throttleWithClock(options: ConstructorParameters<typeof SignInThrottle>[0] = {}) {
  const clock = { now: 1_000_000 };
  return { clock, throttle: new SignInThrottle({ ...options, now: () => clock.now }) };
}

const failTimes = (throttle: SignInThrottle, n: number, email: string, client: string) => {
  for (let i = 0; i < n; i++) throttle.recordFailure(email, client);
};
const wait = (throttle: SignInThrottle, email: string, client: string) => throttle.check(email, client).retryAfterMs;

describe("the sign-in throttle", () => {
  it("locks one client out of one account after five failures, until 15 minutes after the first", () => {
    const { throttle, clock } = throttleWithClock();
    failTimes(throttle, 4, "ops@example.com", "192.0.2.7");
    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(0);

    clock.now += 5 * MINUTE;
    throttle.recordFailure("OPS@example.com ", "192.0.2.7");

    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(10 * MINUTE);
    clock.now += 10 * MINUTE;
    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(0);
  });

  it("keeps the account open to other clients while one client is locked out", () => {
    const { throttle } = throttleWithClock();
    failTimes(throttle, 5, "ops@example.com", "203.0.113.9");

    expect(wait(throttle, "ops@example.com", "203.0.113.9")).toBeGreaterThan(0);
    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(0);
  });

  it("locks the account for everyone once guesses spread over many clients pass the account limit", () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 20; i++) throttle.recordFailure("ops@example.com", `198.51.100.${i}`);

    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(15 * MINUTE);
  });

  it("slows one client trying many accounts", () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 20; i++) throttle.recordFailure(`user${i}@example.com`, "192.0.2.7");

    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(15 * MINUTE);
    expect(wait(throttle, "ops@example.com", "192.0.2.8")).toBe(0);
  });

  it("forgets a client's failures on that account when it signs in, so typos never add up to a lock", () => {
    const { throttle } = throttleWithClock();
    for (let round = 0; round < 3; round++) {
      failTimes(throttle, 4, "ops@example.com", "192.0.2.7");
      throttle.recordSuccess("ops@example.com", "192.0.2.7");
    }
    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(0);
  });

  it("says which refusal is a lock's first", () => {
    const { throttle } = throttleWithClock();
    failTimes(throttle, 5, "ops@example.com", "192.0.2.7");

    expect(throttle.check("ops@example.com", "192.0.2.7").firstRefusal).toBe(true);
    expect(throttle.check("ops@example.com", "192.0.2.7").firstRefusal).toBe(false);
  });

  it("tracks no more keys than it may, under a flood of made-up emails", () => {
    const { throttle } = throttleWithClock({ maxTracked: 30 });
    for (let i = 0; i < 1_000; i++) throttle.recordFailure(`flood${i}@example.com`, `client${i}`);

    expect(throttle.tracked).toBe(30);
    failTimes(throttle, 5, "ops@example.com", "192.0.2.7");
    expect(wait(throttle, "ops@example.com", "192.0.2.7")).toBe(15 * MINUTE);
  });
});

describe("signIn", () => {
  let t: TestDb;
  beforeAll(() => {
    t = createTestDb();
    createUser(t.db, { email: "ops@example.com", password: RIGHT, role: "operator" });
  });
  afterAll(() => t.destroy());
  // Two failures lock, to keep the scrypt work (about 0.1-1 s a check) of these tests small.
  const strict = () => throttleWithClock({ perAccountAndClient: 2 });

  it("lets the right password in and audits who signed in from where", () => {
    const { throttle } = strict();

    expect(signIn(t.db, { email: "ops@example.com", password: RIGHT, client: "192.0.2.7" }, throttle)).toMatchObject({
      ok: true,
      user: { email: "ops@example.com", role: "operator" },
    });
    expect(listAuditLog(t.db, { limit: 1 })[0]).toMatchObject({
      actor: "ops@example.com",
      action: "user.sign_in",
      target: "user:ops@example.com",
      outcome: "success",
      details: { client: "192.0.2.7" },
    });
  });

  it("answers an unknown email as a wrong password, and audits both as failed", () => {
    const { throttle } = strict();
    const attempt = (email: string) => signIn(t.db, { email, password: "wrong password!!", client: "192.0.2.7" }, throttle);

    expect(attempt("ops@example.com")).toEqual({ ok: false, reason: "wrong_credentials" });
    expect(attempt("nobody@example.com")).toEqual({ ok: false, reason: "wrong_credentials" });
    expect(listAuditLog(t.db, { limit: 2 }).map((e) => [e.actor, e.outcome])).toEqual([
      ["nobody@example.com", "failed"],
      ["ops@example.com", "failed"],
    ]);
  });

  it("refuses even the right password once locked, and audits only the lock's first refusal", () => {
    const { throttle } = strict();
    const attempt = (password: string) => signIn(t.db, { email: "ops@example.com", password, client: "203.0.113.9" }, throttle);
    attempt("wrong password!!");
    attempt("wrong password!!");
    const before = listAuditLog(t.db, { limit: 1000 }).length;

    const refusals = Array.from({ length: 50 }, () => attempt(RIGHT));

    expect(refusals.every((r) => !r.ok && r.reason === "throttled" && r.retry_after_ms === 15 * MINUTE)).toBe(true);
    const log = listAuditLog(t.db, { limit: 1000 });
    expect(log).toHaveLength(before + 1);
    expect(log[0]).toMatchObject({ outcome: "denied", details: { reason: "too many failed sign-ins", client: "203.0.113.9" } });
  });
});
