import { getPolicy } from "@patronus/core/policies";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PolicyDetail } from "~/components/policy-detail/policy-detail";
import { isRangeKey } from "~/components/traffic-ranges";
import { requirePageUser } from "~/server/auth";
import { getDb } from "~/server/db";
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
  return (
    <>
      <p>
        <Link href="/policies">← All policies</Link>
      </p>
      <PolicyDetail
        policyId={id}
        initialName={policy.name}
        initialRange={initialRange}
        firstHistory={await readFirstTraffic(initialRange, id)}
        canEdit={user.role !== "viewer"}
      />
    </>
  );
}
