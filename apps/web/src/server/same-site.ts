/**
 * A 403 for a cross-site request to a GET route that a session cookie authenticates (the export, the
 * event stream), else undefined. GET carries no CSRF token, and the cookie is SameSite=Lax, which
 * still lets a top-level cross-site navigation send it: another site could start downloads or hold
 * streams in a signed-in user's name. Browsers say where a request comes from in Sec-Fetch-Site; older
 * ones send Origin. Requests with neither (curl, scripts) pass, and so do API tokens, which no other
 * site can make a browser send.
 */
export function crossSiteRefusal(request: Request): Response | undefined {
  if (request.headers.has("authorization")) return undefined;
  const site = request.headers.get("sec-fetch-site");
  // "same-site" is a sibling subdomain: another application, not the dashboard.
  if (site !== null) return site === "same-origin" || site === "none" ? undefined : refusal();
  const origin = request.headers.get("origin");
  if (origin === null) return undefined;
  return hostOf(origin) === request.headers.get("host") ? undefined : refusal();
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // "null" (a sandboxed frame, a redirect) is never the dashboard
  }
}

function refusal(): Response {
  return Response.json(
    { error: "cross-site request refused: open the dashboard itself, or send an API token" },
    { status: 403 },
  );
}
