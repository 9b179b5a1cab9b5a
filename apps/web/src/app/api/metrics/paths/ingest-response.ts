import type { Db } from "@patronus/core/db";
import { ValidationError } from "@patronus/core/errors";
import { ingestPathMetrics } from "@patronus/core/path-metrics";
import type { RoutingCaches } from "@patronus/core/routing";
import type { Context, Viewer } from "~/server/graphql/context";
import { requireRole } from "~/server/graphql/guards";
import { readCapped } from "~/server/read-capped";

/** 1,000 samples of about 200 bytes each, with room for whitespace. */
export const MAX_INGEST_BODY_BYTES = 512 * 1024;

/**
 * POST /api/metrics/paths: a JSON batch of path samples, `{"samples": [...]}` or the array itself,
 * from a script with an operator's API token (docs/api.md, Path metrics). Only a bearer token is
 * accepted, never the session cookie, so another site cannot make a signed-in browser post metrics.
 */
export async function ingestResponse(
  request: Request,
  {
    db,
    caches,
    authenticate,
  }: { db: Db; caches: RoutingCaches; authenticate: () => Promise<{ viewer?: Viewer; authError?: string }> },
): Promise<Response> {
  if (!request.headers.has("authorization"))
    return problem(401, "send an API token as 'Authorization: Bearer <token>' (sessions are not accepted here)");
  const { viewer, authError } = await authenticate();
  try {
    requireRole({ db, viewer, authError } as Context, "operator", "path_metrics.ingest");
  } catch (error) {
    const code = (error as { extensions?: { code?: string } }).extensions?.code;
    return problem(code === "FORBIDDEN" ? 403 : 401, (error as Error).message);
  }
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? ""))
    return problem(415, "the body must be JSON (Content-Type: application/json)");
  const text = await readCapped(request, MAX_INGEST_BODY_BYTES);
  if (text === undefined)
    return problem(
      413,
      `the request body is larger than ${MAX_INGEST_BODY_BYTES} bytes; send at most 1000 samples a batch`,
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return problem(400, "the body is not valid JSON");
  }
  const samples = Array.isArray(body) ? body : (body as { samples?: unknown } | null)?.samples;
  try {
    return Response.json(ingestPathMetrics(db, { actor: viewer!.email, samples }, caches));
  } catch (error) {
    if (error instanceof ValidationError) return problem(400, error.message, error.field);
    throw error;
  }
}

function problem(status: number, error: string, field?: string): Response {
  return Response.json(field === undefined ? { error } : { error, field }, { status });
}
