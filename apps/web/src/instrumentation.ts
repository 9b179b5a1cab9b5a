/**
 * At server start: migrates the database (so the first request never waits on it; docs/database.md),
 * and, before any request is served, makes the socket peer the only source of a client's address
 * unless a trusted proxy forwarded the request (server/client-address.ts).
 */
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- Next inlines NEXT_RUNTIME at build time, dropping the Node-only imports from other runtimes
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [{ env }, { sanitizeIncomingRequests }, { getDb }] = await Promise.all([
      import("./env"),
      import("./server/client-address"),
      import("./server/db"),
    ]);
    sanitizeIncomingRequests(env.PATRONUS_TRUSTED_PROXIES);
    getDb();
  }
}
