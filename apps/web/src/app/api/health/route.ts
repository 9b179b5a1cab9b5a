export const dynamic = "force-dynamic";

/** Alive: the process answers HTTP. Touches nothing else, so a slow database cannot fail it (that is /api/ready). */
export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
