/**
 * The overview's figures, worked out from the answers of traffic_history, path_health and
 * traffic_stats: pure, so they are tested without a browser.
 */

export interface RatePoint {
  at: number;
  packets_per_second: number | null;
  bytes_per_second: number | null;
  active_flows: number | null;
}

/**
 * The rates now: the newest bucket the collector recorded something in. The bucket that ends at "now"
 * is usually still empty (the next snapshot has not come), so the newest one with a figure is taken.
 */
export function currentRates(points: readonly RatePoint[]): RatePoint | undefined {
  for (let i = points.length - 1; i >= 0; i--) if (points[i]!.packets_per_second !== null) return points[i];
  return undefined;
}

export interface PolicySeries {
  policy_id: number;
  name: string;
  points: readonly { at: number; bytes: number; bytes_per_second: number | null }[];
}

/** One row of the stacked chart: its bucket start and bytes/s per series key (null in a gap). */
export type StackedRow = { at: number } & Record<string, number | null>;

export interface TopPolicies {
  /** Series keys in stacking order, with what the legend says. */
  series: { key: string; name: string }[];
  rows: StackedRow[];
}

export const OTHER_KEY = "other";

/**
 * The `n` policies that carried the most bytes in the range, each its own series, and the rest summed
 * as "Other", with `other` (the server's sum of the policies past its top_policies), so the stack's top
 * is the total whatever the number of policies.
 */
export function topPolicies(
  byPolicy: readonly PolicySeries[],
  n: number,
  other?: { policies: number; points: PolicySeries["points"] } | null,
): TopPolicies {
  const volume = (p: PolicySeries) => p.points.reduce((sum, point) => sum + point.bytes, 0);
  const ranked = byPolicy
    .map((p) => ({ p, bytes: volume(p) }))
    .filter(({ bytes }) => bytes > 0)
    .sort((a, b) => b.bytes - a.bytes || a.p.policy_id - b.p.policy_id);
  const top = ranked.slice(0, n).map(({ p }) => p);
  const rest = ranked.slice(n).map(({ p }) => p);
  const series = top.map((p) => ({ key: `p${p.policy_id}`, name: p.name }));
  const others = rest.length + (other?.policies ?? 0);
  if (others > 0) series.push({ key: OTHER_KEY, name: `Other (${others})` });

  const rows = new Map<number, StackedRow>();
  const add = (key: string, at: number, rate: number | null) => {
    const row = rows.get(at) ?? { at };
    rows.set(at, row);
    // A gap (null) stays a gap unless another policy of the same series had a figure.
    row[key] = rate === null ? (row[key] ?? null) : (row[key] ?? 0) + rate;
  };
  for (const p of top) for (const point of p.points) add(`p${p.policy_id}`, point.at, point.bytes_per_second);
  for (const p of other ? [...rest, other] : rest)
    for (const point of p.points) add(OTHER_KEY, point.at, point.bytes_per_second);
  return { series, rows: [...rows.values()].sort((a, b) => a.at - b.at) };
}

export type PathStatus = "up" | "degraded" | "down";

/** How many paths are in each state, every state listed even at 0. */
export function pathHealthCounts(paths: readonly { status: PathStatus }[]): Record<PathStatus, number> {
  const counts = { up: 0, degraded: 0, down: 0 };
  for (const { status } of paths) counts[status]++;
  return counts;
}
