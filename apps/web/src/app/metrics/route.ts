import { metricsAccess } from "@patronus/core/ops";
import type { NextRequest } from "next/server";
import { env } from "~/env";
import { clientAddress, PEER_HEADER } from "~/server/client-address";
import { getWebMetrics } from "~/server/metrics";

export const dynamic = "force-dynamic";

/** Prometheus text format; loopback clients only, or whoever has PATRONUS_METRICS_TOKEN (docs/operations.md, "Metrics"). */
export async function GET(request: NextRequest): Promise<Response> {
  const access = metricsAccess({
    token: env.PATRONUS_METRICS_TOKEN,
    authorization: request.headers.get("authorization"),
    client: clientAddress({
      peer: request.headers.get(PEER_HEADER),
      forwardedFor: request.headers.get("x-forwarded-for"),
      trusted: env.PATRONUS_TRUSTED_PROXIES,
    }),
  });
  if (!access.ok)
    return Response.json({ error: access.error }, { status: access.status, headers: { "cache-control": "no-store" } });
  const { registry } = getWebMetrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
