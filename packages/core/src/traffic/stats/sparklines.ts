import { asc } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { policies } from "../../db/schema";
import { parseInput } from "../../validation";
import { bucketOf, readRollupCells, recordedRollupBuckets, ROLLUP_LEVELS } from "./rollups";

/** One policy's sparkline: its packet rate in each minute of the window, oldest first. */
export interface PolicySparkline {
  policy_id: number;
  /** Null: the collector recorded nothing in that minute, for any policy (a gap, not a dip to zero). */
  packets_per_second: (number | null)[];
}

export interface PolicySparklines {
  /** Start of the first minute, epoch ms; minute i holds the snapshots taken in (from + i·step, from + (i+1)·step]. */
  from: number;
  step_ms: number;
  /** Every policy, by id, whether or not it had traffic. */
  policies: PolicySparkline[];
}

const sparklineParams = z.object({
  now: z.number().int().nonnegative(),
  minutes: z
    .number("minutes must be a number")
    .int("minutes must be a whole number")
    .min(1, "minutes must be at least 1")
    .max(60, "minutes must be at most 60"),
});

/**
 * Every policy's packet rate per minute over the last `minutes` (the current, partial minute included),
 * read from the minute rollups in two queries however many policies there are: the policies table's
 * sparklines. A minute's rate is its rise over the time that rise took (rollups.ts), as the charts'.
 */
export function getPolicySparklines(db: Db, params: { now: number; minutes: number }): PolicySparklines {
  const { now, minutes } = parseInput(sparklineParams, params);
  const step = ROLLUP_LEVELS.minute.widthMs;
  const from = bucketOf(now, step) - (minutes - 1) * step;
  const range = { level: "minute" as const, from, to: from + minutes * step, step };
  const recorded = recordedRollupBuckets(db, range);
  const rates = new Map<number, (number | null)[]>();
  for (const { policy_id } of db
    .select({ policy_id: policies.policy_id })
    .from(policies)
    .orderBy(asc(policies.policy_id))
    .all()) {
    rates.set(
      policy_id,
      Array.from({ length: minutes }, (_, i) => (recorded.has(from + i * step) ? 0 : null)),
    );
  }
  for (const cell of readRollupCells(db, range)) {
    const points = rates.get(cell.policy_id);
    const i = (cell.bucket - from) / step;
    if (points && i >= 0 && i < minutes) points[i] = cell.span_ms > 0 ? (cell.packets * 1000) / cell.span_ms : 0;
  }
  return {
    from,
    step_ms: step,
    policies: [...rates].map(([policy_id, packets_per_second]) => ({ policy_id, packets_per_second })),
  };
}
