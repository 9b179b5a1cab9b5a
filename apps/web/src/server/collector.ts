import "server-only";
import { createCollectorClient, loadOrCreateControlSecret, type CollectorClient } from "@patronus/core/traffic/control";
import { env } from "~/env";

let client: CollectorClient | undefined;

/** The client for the collector sidecar's control interface (loopback, shared secret). */
export function getCollectorClient(): CollectorClient {
  client ??= createCollectorClient({
    url: env.PATRONUS_COLLECTOR_URL,
    secret: env.PATRONUS_CONTROL_SECRET ?? loadOrCreateControlSecret(env.PATRONUS_DATA_DIR),
  });
  return client;
}
