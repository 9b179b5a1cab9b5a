import type { NextRequest } from "next/server";
import { anonymousRefusal, viewerOfRequest } from "~/server/auth";
import { getDb } from "~/server/db";
import { crossSiteRefusal } from "~/server/same-site";
import { exportResponse } from "./export-response";

export const dynamic = "force-dynamic";

/** Snapshot rows as a CSV or JSON download, for a signed-in user or an API token (docs/api.md). */
export async function GET(request: NextRequest): Promise<Response> {
  const crossSite = crossSiteRefusal(request);
  if (crossSite) return crossSite;
  const { viewer, authError } = await viewerOfRequest(request);
  if (!viewer) return anonymousRefusal(authError);
  return exportResponse(getDb(), viewer, request.nextUrl.searchParams);
}
