import { getPolicy } from "@patronus/core/policies";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PolicyDetail } from "~/components/policy-detail/policy-detail";
import type { RangeKey } from "~/components/traffic-history";
import { requirePageUser } from "~/server/auth";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";
export const metadata = { title: "Policy · Patronus Dashboard" };

// Checked here: a server component may render the client panel but not call its functions.
const rangeKeys: readonly string[] = ["15m", "1h", "24h", "7d"] satisfies RangeKey[];

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
  return (
    <>
      <p>
        <Link href="/policies">← All policies</Link>
      </p>
      <PolicyDetail
        policyId={id}
        initialName={policy.name}
        initialRange={range !== undefined && rangeKeys.includes(range) ? (range as RangeKey) : "1h"}
        canEdit={user.role !== "viewer"}
      />
    </>
  );
}
