import { domainEvents } from "@patronus/core/events";
import type { NextRequest } from "next/server";
import { getSessionUser } from "~/server/auth";
import { getDb } from "~/server/db";
import { closeEventStreams, eventStreamResponse } from "~/server/event-stream";
import { resolveViewer, SIGN_IN_HINT } from "~/server/graphql/viewer";

export const dynamic = "force-dynamic";

// On Ctrl-C or SIGTERM Next stops accepting requests and waits for open ones, which an event stream
// never finishes by itself: end them so the server can exit.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, closeEventStreams);

/** Server-sent events for open dashboards (site deletions), for any signed-in user or API token. */
export async function GET(request: NextRequest): Promise<Response> {
  const { viewer, authError } = await resolveViewer(getDb(), {
    authorization: request.headers.get("authorization"),
    session: getSessionUser,
  });
  if (!viewer) {
    return Response.json({ error: authError ?? SIGN_IN_HINT }, { status: 401 });
  }
  return eventStreamResponse(domainEvents, request.signal);
}
