import { TrafficHistoryPanel } from "~/components/traffic-history";
import { isRangeKey } from "~/components/traffic-ranges";
import { requirePageUser } from "~/server/auth";
import { readFirstTraffic } from "~/server/traffic-first";

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
        first={await readFirstTraffic(initialRange, initialPolicy)}
      />
    </>
  );
}
