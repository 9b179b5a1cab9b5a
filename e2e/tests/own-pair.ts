import { test as base } from "@playwright/test";
import { startServerPair, type ServerPair } from "../fixtures/server-pair";

/**
 * Playwright's `test` over a pair of its own (fixtures/server-pair.ts), shared by the tests of one worker and signed out at the
 * start: `pair` is the pair and `baseURL` points at its web app.
 */
export const test = base.extend<{ pair: ServerPair }, { serverPair: ServerPair }>({
  serverPair: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const pair = await startServerPair();
      try {
        await use(pair);
      } finally {
        await pair.stop();
      }
    },
    { scope: "worker", timeout: 180_000 },
  ],
  pair: async ({ serverPair }, use) => use(serverPair),
  baseURL: async ({ serverPair }, use) => use(serverPair.baseURL),
  storageState: { cookies: [], origins: [] },
});
