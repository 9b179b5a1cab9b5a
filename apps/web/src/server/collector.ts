import "server-only";
import { createCollectorClient, loadOrCreateControlSecret, type CollectorClient } from "@patronus/core/traffic/control";
import { env } from "~/env";
import { shareLiveStats } from "~/server/shared-stats";

let client: CollectorClient | undefined;

/**
 * The client for the collector sidecar's control interface (loopback, shared secret), its live counters
 * read once for all concurrent requests (shared-stats.ts).
 */
export function getCollectorClient(): CollectorClient {
  client ??= shareLiveStats(
    createCollectorClient({
      url: env.PATRONUS_COLLECTOR_URL,
      secret: env.PATRONUS_CONTROL_SECRET ?? loadOrCreateControlSecret(env.PATRONUS_DATA_DIR),
    }),
  );
  return client;
}
