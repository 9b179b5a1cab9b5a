import { timeTicks } from "~/components/time-ticks";
import { TrafficHistoryPanel, type FirstHistory } from "~/components/traffic-history";
import { historyVariables, isRangeKey, type RangeKey } from "~/components/traffic-ranges";
import { requirePageUser } from "~/server/auth";
import { readerClock } from "~/server/clock";
import { getDb } from "~/server/db";
import { readTrafficHistory } from "~/server/history-pool";

export const metadata = { title: "Traffic · Patronus Dashboard" };

export default async function TrafficPage({
  searchParams,
}: {
  searchParams: Promise<{ range?: string; policy?: string }>;
}) {
  await requirePageUser("/traffic");
  const { range, policy } = await searchParams;
  const initialRange = isRangeKey(range) ? range : "24h";
  const initialPolicy = policy !== undefined && /^\d+$/.test(policy) ? policy : "";
  return (
    <>
      <h1>Traffic history</h1>
      <TrafficHistoryPanel
        initialRange={initialRange}
        initialPolicy={initialPolicy}
        first={await readFirst(initialRange, initialPolicy)}
      />
    </>
  );
}

/**
 * The first range, read here through the API's own reader (history-pool.ts), so the chart is drawn as
 * soon as the page's script runs rather than after a query of its own (docs/architecture.md, "Chart
 * speed"), and drawn into the HTML (chart-sketch.tsx) with the time axis in the reader's clock when
 * their browser has said it. Undefined when the read fails (an unknown policy, say): the chart then asks
 * the API and shows its error.
 */
async function readFirst(range: RangeKey, policyId: string): Promise<FirstHistory | undefined> {
  const now = Date.now();
  const { from, to, max_buckets, policy_id } = historyVariables(range, policyId, now);
  try {
    const read = await readTrafficHistory(getDb(), {
      kind: "totals",
      params: { from, to, maxBuckets: max_buckets, policyId: policy_id ?? undefined },
    });
    const clock = await readerClock();
    return {
      now,
      history: { from: read.from, to: read.to, step_ms: read.step_ms, points: read.points },
      timeTicks: clock && timeTicks([read.from, read.to], clock),
    };
  } catch {
    return undefined;
  }
}
