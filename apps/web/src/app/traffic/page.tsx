import { TrafficHistoryPanel } from "~/components/traffic-history";
import { requirePageUser } from "~/server/auth";

export const metadata = { title: "Traffic · Patronus Dashboard" };

export default async function TrafficPage() {
  await requirePageUser("/traffic");
  return (
    <>
      <h1>Traffic history</h1>
      <TrafficHistoryPanel />
    </>
  );
}
