import { getPolicy } from "@patronus/core/policies";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PolicyDetail } from "~/components/policy-detail/policy-detail";
import { isRangeKey } from "~/components/traffic-ranges";
import { requirePageUser } from "~/server/auth";
import { getCollectorClient } from "~/server/collector";
import { getDb } from "~/server/db";
import { readFirstPolicy } from "~/server/policy-first";
import { readFirstTraffic } from "~/server/traffic-first";

export const dynamic = "force-dynamic";
export const metadata = { title: "Policy · Patronus Dashboard" };

export default async function PolicyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ range?: string }>;
}) {
  const { id } = await params;
  const user = await requirePageUser(`/policies/${id}`);
  if (!/^[1-9]\d{0,8}$/.test(id)) notFound();
  // Checked on the server so a missing policy answers 404, not an empty page.
  const policy = getPolicy(getDb(), { policyId: Number(id) });
  if (!policy) notFound();
  const { range } = await searchParams;
  const initialRange = isRangeKey(range) ? range : "1h";
  // Read with the page, so its HTML is the whole page: the policy, its counters and its charts drawn.
  const [first, firstHistory] = await Promise.all([
    readFirstPolicy(getDb(), { policy, collector: getCollectorClient() }),
    readFirstTraffic(initialRange, id),
  ]);
  return (
    <>
      <p>
        <Link href="/policies">← All policies</Link>
      </p>
      <PolicyDetail
        policyId={id}
        initialName={policy.name}
        initialRange={initialRange}
        first={first}
        firstHistory={firstHistory}
        canEdit={user.role !== "viewer"}
      />
    </>
  );
}
