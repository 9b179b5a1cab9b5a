import { checkReadiness } from "@patronus/core/ops";
import { env } from "~/env";
import { getCollectorClient } from "~/server/collector";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

/**
 * Ready: the database takes writes, its migrations are this build's, and the collector answers and
 * snapshots. No auth, so each check says only ok or which condition failed (docs/operations.md, "Health").
 */
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness(getDb(), {
    collector: getCollectorClient(),
    now: Date.now(),
    maxSnapshotAgeMs: env.PATRONUS_READY_SNAPSHOT_AGE_MS,
  });
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
