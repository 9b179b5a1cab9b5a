"use client";

import { formatPacketRate } from "@patronus/core/format";
import { Line, LineChart } from "recharts";

/** What the sparkline shows, in words: its label for screen readers and its tooltip for everyone. */
export function sparklineSummary(points: readonly (number | null)[], minutes: number): string {
  const recorded = points.filter((p) => p !== null);
  if (recorded.length === 0) return `Last ${minutes} min: nothing recorded`;
  const peak = Math.max(...recorded);
  const latest = recorded.at(-1)!;
  const gaps = recorded.length < points.length ? ", with gaps (nothing recorded)" : "";
  return `Last ${minutes} min: peak ${formatPacketRate(peak)}, last recorded minute ${formatPacketRate(latest)}${gaps}`;
}

/**
 * A policy's packet rate per minute, tiny and without axes; a minute nothing was recorded in is a gap.
 * Fixed size rather than ResponsiveContainer: a thousand rows would each observe their own resize.
 */
export function PolicySparkline({ points, minutes }: { points: readonly (number | null)[]; minutes: number }) {
  const summary = sparklineSummary(points, minutes);
  const data = points.map((value, i) => ({ i, value }));
  return (
    <span role="img" aria-label={summary} title={summary} className="sparkline">
      {/* No keyboard layer: the label says it all, and 1,000 rows should not be 1,000 tab stops. */}
      <LineChart
        width={96}
        height={24}
        data={data}
        margin={{ top: 2, right: 2, bottom: 2, left: 2 }}
        accessibilityLayer={false}
      >
        <Line
          dataKey="value"
          stroke="#60a5fa"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
      </LineChart>
    </span>
  );
}
