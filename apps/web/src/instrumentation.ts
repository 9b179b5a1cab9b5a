/**
 * At server start: migrates the database (the spec's automatic migration, not on the first request),
 * and, before any request is served, makes the socket peer the only source of a client's address
 * unless a trusted proxy forwarded the request (server/client-address.ts).
 */
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- Next inlines NEXT_RUNTIME at build time, dropping the Node-only imports from other runtimes
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [{ env }, { sanitizeIncomingRequests }, { getDb }, { getCaches }, { startDemoMetricsFeed }] =
      await Promise.all([
        import("./env"),
        import("./server/client-address"),
        import("./server/db"),
        import("./server/caches"),
        import("@patronus/core/path-metrics"),
      ]);
    sanitizeIncomingRequests(env.PATRONUS_TRUSTED_PROXIES);
    const db = getDb();
    // In this process, so its own metrics and routing caches see each sample at once (docs/api.md, Path metrics).
    if (env.PATRONUS_DEMO_METRICS_INTERVAL_MS > 0)
      startDemoMetricsFeed(db, { intervalMs: env.PATRONUS_DEMO_METRICS_INTERVAL_MS, caches: getCaches().caches });
  }
}
