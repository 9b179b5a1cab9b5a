import { TrafficHistoryPanel, type RangeKey } from "~/components/traffic-history";
import { requirePageUser } from "~/server/auth";

export const metadata = { title: "Traffic · Patronus Dashboard" };

// Checked here: a server component may render the client panel but not call its functions.
const rangeKeys: readonly string[] = ["15m", "1h", "24h", "7d"] satisfies RangeKey[];

export default async function TrafficPage({
  searchParams,
}: {
  searchParams: Promise<{ range?: string; policy?: string }>;
}) {
  await requirePageUser("/traffic");
  const { range, policy } = await searchParams;
  return (
    <>
      <h1>Traffic history</h1>
      <TrafficHistoryPanel
        initialRange={range !== undefined && rangeKeys.includes(range) ? (range as RangeKey) : "24h"}
        initialPolicy={policy !== undefined && /^\d+$/.test(policy) ? policy : ""}
      />
    </>
  );
}
