/**
 * A Cookie header's cookies by name, read as Next's request cookies read them: pairs split on ";", the
 * name up to the first "=", the value URL-decoded, the last of a repeated name kept. A pair that does not
 * decode is skipped, as there, and so is one without "=" (there a flag read as "true"; no session cookie
 * is one). For next-auth's getToken (server/auth.ts).
 */
export function cookiesOf(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? "").split(/; */)) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    try {
      cookies.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      // not URL-encoded text: not a cookie of ours
    }
  }
  return cookies;
}
