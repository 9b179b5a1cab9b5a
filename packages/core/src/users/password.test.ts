import { afterEach, describe, expect, it } from "vitest";
import { useCheapPasswordHashing } from "../testing";
import {
  configurePasswordHashing,
  hashPassword,
  passwordHashingLoad,
  PasswordHashingBusyError,
  PRODUCTION_COST,
  verifyPassword,
} from "./password";

const defaults = { maxConcurrent: 1, maxQueued: 64 };
afterEach(() => {
  configurePasswordHashing(defaults);
  useCheapPasswordHashing();
});

/** Resolves on the event loop's next turn. */
const nextTurn = () => new Promise<"turned">((resolve) => setImmediate(() => resolve("turned")));

describe("password hashing", () => {
  it("lets the event loop turn while a password is checked", async () => {
    const stored = await hashPassword("correct horse battery");

    const check = verifyPassword("correct horse battery", stored);
    const first = await Promise.race([check, nextTurn()]);

    expect(first).toBe("turned");
    expect(await check).toBe(true);
  });

  it("records its cost in the hash, so a production-cost hash still verifies after the cost is lowered", async () => {
    configurePasswordHashing({ cost: PRODUCTION_COST });
    const stored = await hashPassword("correct horse battery");
    useCheapPasswordHashing();

    expect(stored.split("$").slice(0, 4)).toEqual(["scrypt", "131072", "8", "1"]);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
  });

  it("computes no more hashes at once than the limit, and the waiting ones in turn", async () => {
    configurePasswordHashing({ maxConcurrent: 2 });

    const hashes = Array.from({ length: 5 }, (_, i) => hashPassword(`password number ${i}`));

    expect(passwordHashingLoad()).toEqual({ active: 2, queued: 3 });
    expect(await Promise.all(hashes)).toHaveLength(5);
    expect(passwordHashingLoad()).toEqual({ active: 0, queued: 0 });
  });

  it("refuses a hash once the queue is full, instead of holding it and its memory", async () => {
    configurePasswordHashing({ maxConcurrent: 1, maxQueued: 2 });

    const accepted = [1, 2, 3].map((i) => hashPassword(`password number ${i}`));
    const refused = hashPassword("one too many");

    await expect(refused).rejects.toThrow(PasswordHashingBusyError);
    await Promise.all(accepted);
  });

  it("refuses a stored value that is not an scrypt hash", async () => {
    expect(await verifyPassword("anything at all", "plain-text")).toBe(false);
  });
});
