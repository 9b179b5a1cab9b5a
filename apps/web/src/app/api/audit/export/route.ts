import type { NextRequest } from "next/server";
import { anonymousRefusal, viewerOfRequest } from "~/server/auth";
import { getDb } from "~/server/db";
import { crossSiteRefusal } from "~/server/same-site";
import { auditExportResponse } from "./audit-export";

export const dynamic = "force-dynamic";

/** The audit log as CSV, for an admin's session or API token (docs/api.md, Audit log). */
export async function GET(request: NextRequest): Promise<Response> {
  const crossSite = crossSiteRefusal(request);
  if (crossSite) return crossSite;
  const { viewer, authError } = await viewerOfRequest(request);
  if (!viewer) return anonymousRefusal(authError);
  return auditExportResponse(getDb(), viewer, request.nextUrl.searchParams);
}
