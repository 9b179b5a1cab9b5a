import "server-only";
import type { FirstHistory } from "~/components/traffic-history";
import { historyVariables, type RangeKey } from "~/components/traffic-ranges";
import { readerTimeTicks } from "./clock";
import { getDb } from "./db";
import { readTrafficHistory } from "./history-pool";

/**
 * A traffic chart's first range, read with its page through the API's own reader (history-pool.ts) with
 * the variables the chart would send, so the chart is drawn without a query of its own, and into the
 * HTML (chart-sketch.tsx) with the time axis in the reader's clock when their browser has said it
 * (docs/architecture.md, "Chart speed"). Undefined when the read fails (an unknown policy, say): the
 * chart then asks the API and shows its error.
 */
export async function readFirstTraffic(range: RangeKey, policyId: string): Promise<FirstHistory | undefined> {
  const now = Date.now();
  const { from, to, max_buckets, policy_id } = historyVariables(range, policyId, now);
  try {
    const read = await readTrafficHistory(getDb(), {
      kind: "totals",
      params: { from, to, maxBuckets: max_buckets, policyId: policy_id ?? undefined },
    });
    return {
      now,
      history: { from: read.from, to: read.to, step_ms: read.step_ms, points: read.points },
      timeTicks: await readerTimeTicks([read.from, read.to]),
    };
  } catch {
    return undefined;
  }
}
