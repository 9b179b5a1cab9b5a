import { seedDemoNetwork } from "@patronus/core/seed";
import { createTestDb, type TestDb } from "@patronus/core/testing";
import type { CollectorClient } from "@patronus/core/traffic/control";
import { createUser, USER_ROLES, type User, type UserRole } from "@patronus/core/users";
import { graphqlClient } from "./test-client";

/** Every fixture account's password. */
export const TEST_PASSWORD = "correct horse battery";

export interface WebTestFixture {
  /** A fresh migrated database; `t.destroy()` in afterAll/afterEach removes it. */
  t: TestDb;
  /** One account per role, `<role>@example.com`, created highest role first. */
  users: Record<UserRole, User>;
  /** Runs operations through the real Apollo server (test-client.ts). */
  execute: ReturnType<typeof graphqlClient>;
}

/**
 * Test helper: the setup most web tests share. `seed` adds the demo network as of 1 Nov 2026;
 * `collector` is the control client resolvers reach (none: the collector is not configured).
 */
export function createWebTestFixture({
  seed = false,
  collector,
}: { seed?: boolean; collector?: CollectorClient } = {}): WebTestFixture {
  const t = createTestDb();
  if (seed) seedDemoNetwork(t.db, { now: Date.UTC(2026, 10, 1) });
  const users = Object.fromEntries(
    USER_ROLES.map((role) => [role, createUser(t.db, { email: `${role}@example.com`, password: TEST_PASSWORD, role })]),
  ) as Record<UserRole, User>;
  return { t, users, execute: graphqlClient(t.db, { collector }) };
}
