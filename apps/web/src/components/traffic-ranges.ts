/**
 * The traffic chart's ranges, for the page (which reads the first one on the server) and the chart.
 * Buckets of 1 min, 5 min and 30 min: never narrower than a minute, the demo history's spacing (live
 * snapshots come every 10 s). One bucket more than the span holds, for the partial one at each end.
 */
export const MINUTE = 60_000;
export const trafficRanges = {
  // 10 s buckets, the snapshot interval: the last 15 minutes are live snapshots, never the demo's minutes.
  "15m": { label: "Last 15 minutes", ms: 15 * MINUTE, buckets: 91, refreshMs: 10_000 },
  "1h": { label: "Last hour", ms: 60 * MINUTE, buckets: 61, refreshMs: 10_000 },
  "24h": { label: "Last 24 hours", ms: 24 * 60 * MINUTE, buckets: 289, refreshMs: 30_000 },
  "7d": { label: "Last 7 days", ms: 7 * 24 * 60 * MINUTE, buckets: 337, refreshMs: 60_000 },
} as const;
export type RangeKey = keyof typeof trafficRanges;

export const isRangeKey = (key: string | undefined): key is RangeKey =>
  key !== undefined && Object.hasOwn(trafficRanges, key);

/** What the chart asks traffic_history for: the page's server read asks the same. */
export function historyVariables(range: RangeKey, policyId: string, now: number) {
  const { ms, buckets } = trafficRanges[range];
  return { from: now - ms, to: now, max_buckets: buckets, policy_id: policyId ? Number(policyId) : null };
}

/**
 * The path and site charts' ranges: minute buckets and longer, the hour view refreshed every
 * `hourRefreshMs` (each chart's own pace; the longer views change slowly).
 */
export function minuteRanges(hourRefreshMs: number) {
  return {
    "1h": { label: "Last hour", ms: 60 * MINUTE, buckets: 60, refreshMs: hourRefreshMs },
    "24h": { label: "Last 24 hours", ms: 24 * 60 * MINUTE, buckets: 288, refreshMs: 60_000 },
    "7d": { label: "Last 7 days", ms: 7 * 24 * 60 * MINUTE, buckets: 168, refreshMs: 300_000 },
  } as const;
}
