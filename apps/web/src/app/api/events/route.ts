import { domainEvents } from "@patronus/core/events";
import type { NextRequest } from "next/server";
import { anonymousRefusal, viewerOfRequest } from "~/server/auth";
import { closeEventStreams, eventStreamResponse } from "~/server/event-stream";
import { crossSiteRefusal } from "~/server/same-site";

export const dynamic = "force-dynamic";

// On Ctrl-C or SIGTERM Next stops accepting requests and waits for open ones, which an event stream
// never finishes by itself: end them so the server can exit.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, closeEventStreams);

/**
 * Server-sent events for open dashboards (site deletions), for any signed-in user or API token; the
 * stream ends within a heartbeat once that user is deleted, their sessions ended, or the token revoked.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const crossSite = crossSiteRefusal(request);
  if (crossSite) return crossSite;
  const { viewer, authError, stillValid } = await viewerOfRequest(request);
  if (!viewer) return anonymousRefusal(authError);
  return eventStreamResponse(domainEvents, request.signal, { stillValid });
}
