import Link from "next/link";
import { notFound } from "next/navigation";
import { PathCharts, type PathRangeKey } from "~/components/path-charts";
import { requirePageUser } from "~/server/auth";

export const metadata = { title: "Path · Patronus Dashboard" };

const rangeKeys: readonly string[] = ["1h", "24h", "7d"] satisfies PathRangeKey[];

export default async function PathPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ range?: string }>;
}) {
  const { id } = await params;
  await requirePageUser(`/paths/${id}`);
  if (!/^[1-9]\d{0,8}$/.test(id)) notFound();
  const { range } = await searchParams;
  return (
    <>
      <p>
        <Link href="/paths">← All paths</Link>
      </p>
      <h1>Path {id}</h1>
      <PathCharts
        pathId={Number(id)}
        initialRange={range !== undefined && rangeKeys.includes(range) ? (range as PathRangeKey) : "1h"}
      />
    </>
  );
}
