/**
 * At server start: migrates the database (so the first request never waits on it; docs/database.md),
 * and, before any request is served, makes the socket peer the only source of a client's address
 * unless a trusted proxy forwarded the request (server/client-address.ts), and gives each request an id
 * that its log lines carry (server/request-id.ts).
 */
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- Next inlines NEXT_RUNTIME at build time, dropping the Node-only imports from other runtimes
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [
      { env },
      { sanitizeIncomingRequests },
      { getDb },
      { assignRequestIds },
      { getLogger },
      { getCaches },
      { startDemoMetricsFeed },
    ] = await Promise.all([
      import("./env"),
      import("./server/client-address"),
      import("./server/db"),
      import("./server/request-id"),
      import("./server/log"),
      import("./server/caches"),
      import("@patronus/core/path-metrics"),
    ]);
    sanitizeIncomingRequests(env.PATRONUS_TRUSTED_PROXIES);
    assignRequestIds(env.PATRONUS_TRUSTED_PROXIES, getLogger());
    const db = getDb();
    // In this process, so its own metrics and routing caches see each sample at once (docs/api.md, Path metrics).
    if (env.PATRONUS_DEMO_METRICS_INTERVAL_MS > 0)
      startDemoMetricsFeed(db, { intervalMs: env.PATRONUS_DEMO_METRICS_INTERVAL_MS, caches: getCaches().caches });
  }
}
