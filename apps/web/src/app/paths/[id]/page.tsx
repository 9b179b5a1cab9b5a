import Link from "next/link";
import { notFound } from "next/navigation";
import { PathCharts } from "~/components/path-charts";
import { isPathRangeKey, pathRanges, type PathRangeKey } from "~/components/path-ranges";
import { requirePageUser } from "~/server/auth";
import { readerTimeTicks } from "~/server/clock";
import { getDb } from "~/server/db";
import { readFirstPath } from "~/server/path-first";

export const metadata = { title: "Path · Patronus Dashboard" };

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
  const pathId = Number(id);
  const initialRange = isPathRangeKey(range) ? range : "1h";
  return (
    <>
      <p>
        <Link href="/paths">← All paths</Link>
      </p>
      <h1>Path {id}</h1>
      <PathCharts pathId={pathId} initialRange={initialRange} first={await readFirst(pathId, initialRange)} />
    </>
  );
}

/**
 * Read in-thread, as the API's own path_metric_history is: a 7-day read of a year-sized path is small
 * (docs/architecture.md, "Chart speed"). Drawn into the HTML (chart-sketch.tsx), with the time axis in
 * the reader's clock when their browser has said it.
 */
async function readFirst(pathId: number, range: PathRangeKey) {
  const now = Date.now();
  const first = readFirstPath(getDb(), { pathId, range, now });
  return first && { ...first, timeTicks: await readerTimeTicks([now - pathRanges[range].ms, now]) };
}
