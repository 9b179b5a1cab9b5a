import type { CollectorClient, LiveStats } from "@patronus/core/traffic/control";

/**
 * How long one live read of the collector's counters serves every request that asks (docs/architecture.md,
 * "API cost"): counters on the pages move every few seconds, so a quarter second is invisible to a reader.
 */
export const LIVE_STATS_SHARE_MS = 250;

/**
 * `client` with one `stats()` read shared by every caller for `windowMs` from when it started: ten
 * dashboards polling at once make one collector call, not ten, and never see counters read longer ago
 * than the window (plus the read itself). A failed read is not kept, and a reset or cleanup through this
 * client starts the next read afresh, so nobody sees counters from before their own reset.
 */
export function shareLiveStats(
  client: CollectorClient,
  { windowMs = LIVE_STATS_SHARE_MS, now = () => performance.now() }: { windowMs?: number; now?: () => number } = {},
): CollectorClient {
  let shared: { read: Promise<LiveStats>; startedAt: number } | undefined;
  const forget = () => {
    shared = undefined;
  };
  const forgetAround = <T>(change: () => Promise<T>) => {
    forget();
    return change().finally(forget); // a read that overlapped the change may hold counters from before it
  };
  return {
    ...client,
    stats() {
      const at = now();
      if (shared && at - shared.startedAt < windowMs) return shared.read;
      const entry = { read: client.stats(), startedAt: at };
      shared = entry;
      entry.read.catch(() => {
        if (shared === entry) forget();
      });
      return entry.read;
    },
    reset: (policyId) => forgetAround(() => client.reset(policyId)),
    cleanup: (timeoutMs) => forgetAround(() => client.cleanup(timeoutMs)),
  };
}
