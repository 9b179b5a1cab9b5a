import type { NextRequest } from "next/server";
import { viewerOfRequest } from "~/server/auth";
import { getCaches } from "~/server/caches";
import { getDb } from "~/server/db";
import { ingestResponse } from "./ingest-response";

export const dynamic = "force-dynamic";

/** Path metrics from probes and edge devices, as JSON (docs/api.md, Path metrics). */
export async function POST(request: NextRequest): Promise<Response> {
  return ingestResponse(request, {
    db: getDb(),
    caches: getCaches().caches,
    authenticate: () => viewerOfRequest(request, { acceptMetricsToken: true }),
  });
}
