import type { NextRequest } from "next/server";
import { getSessionUser } from "~/server/auth";
import { getDb } from "~/server/db";
import { resolveViewer, SIGN_IN_HINT } from "~/server/graphql/viewer";
import { exportResponse } from "./export-response";

export const dynamic = "force-dynamic";

/** Snapshot rows as a CSV or JSON download, for a signed-in user or an API token (docs/api.md). */
export async function GET(request: NextRequest): Promise<Response> {
  const db = getDb();
  const { viewer, authError } = await resolveViewer(db, { authorization: request.headers.get("authorization"), session: getSessionUser });
  if (!viewer) return Response.json({ error: authError ?? SIGN_IN_HINT }, { status: 401 });
  return exportResponse(db, viewer, request.nextUrl.searchParams);
}
