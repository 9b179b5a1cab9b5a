import type { Db } from "../db/client";
import { storePolicyStats, type PolicyCounters } from "../traffic/stats/snapshots";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Coarser than the collector's 10 s: a day at 10 s would be 216,000 rows for every fresh demo database. */
export const DEMO_HISTORY_STEP_MS = 60 * 1000;

/**
 * Packets a second and bytes a packet for each demo policy, in demoPolicies' order: what the
 * collector's demo traffic sends (apps/collector/src/demo-traffic.ts), so the history runs into the
 * live figures. Backups run at night, everything else peaks mid-day.
 */
const profiles: { pps: number; size: number; night?: true }[] = [
  { pps: 100, size: 214 },
  { pps: 1, size: 900 },
  { pps: 90, size: 1100 },
  { pps: 60, size: 1000 },
  { pps: 45, size: 1050 },
  { pps: 180, size: 1400 },
  { pps: 40, size: 1100 },
  { pps: 20, size: 300 },
  { pps: 25, size: 400 },
  { pps: 3, size: 120 },
  { pps: 4, size: 90 },
  { pps: 30, size: 900 },
  { pps: 120, size: 1400 },
  { pps: 400, size: 1450, night: true },
  { pps: 300, size: 1450, night: true },
  { pps: 80, size: 1300 },
  { pps: 5, size: 300 },
  { pps: 5, size: 800 },
  { pps: 100, size: 1400 },
  { pps: 70, size: 1200 },
  { pps: 150, size: 1100 },
  { pps: 40, size: 900 },
  { pps: 200, size: 1450 },
  { pps: 60, size: 1000 },
  { pps: 10, size: 600 },
];

/**
 * A day of snapshot rows for the demo policies, one a minute, so the traffic page has a chart on the
 * first start. It ends with a row of zeros at `now`: a counter reset, as the history reads it. The
 * collector restores each policy's counters from its latest row, and live counters must start from
 * zero as on any fresh install (the policies page, and tests that count exactly); only the past is
 * invented. Returns the rows written.
 */
export function seedDemoHistory(
  db: Db,
  { policyIds, now, random }: { policyIds: readonly number[]; now: number; random: () => number },
): number {
  const totals = policyIds.map(() => ({ packets: 0, bytes: 0 }));
  let rows = 0;
  for (let at = now - DAY_MS; at < now; at += DEMO_HISTORY_STEP_MS) {
    const busy = Math.max(0, Math.sin(((at % DAY_MS) / DAY_MS) * 2 * Math.PI - Math.PI / 2)); // as the path metrics
    const stats: PolicyCounters[] = policyIds.map((policy_id, i) => {
      const { pps, size, night } = profiles[i % profiles.length]!;
      const load = (night ? 1 - busy : busy) * 0.8 + 0.2;
      const packets = Math.round(pps * load * (0.8 + 0.4 * random()) * (DEMO_HISTORY_STEP_MS / 1000));
      const total = totals[i]!;
      total.packets += packets;
      total.bytes += packets * size;
      const flows = Math.max(1, Math.round((pps / 20) * load * (0.7 + 0.6 * random())));
      return { policy_id, packets_matched: total.packets, bytes_matched: total.bytes, active_flows: flows };
    });
    rows += storePolicyStats(db, { at, stats });
  }
  const reset = policyIds.map((policy_id) => ({ policy_id, packets_matched: 0, bytes_matched: 0, active_flows: 0 }));
  return rows + storePolicyStats(db, { at: now, stats: reset });
}
