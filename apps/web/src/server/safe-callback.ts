const PROBE_ORIGIN = "http://patronus.invalid";

const unsafeInPath = (c: string) => c <= "\u001f" || c === "\u007f" || c === "\\";

/**
 * `value` when it is a path on this site, else "/". Browsers parse a URL leniently (WHATWG URL): they
 * drop tabs and newlines and read "\" as "/", so "/\t/evil.example" and "/\\evil.example" are both
 * "//evil.example", another origin. Refuse control characters and backslashes outright, then let the
 * same parser say whether what is left stays on this origin. That parser also removes "." and ".."
 * segments, so "/.//evil.example" comes out as "//evil.example": the output is checked again, since it
 * is what the browser will resolve.
 */
export function sameOriginPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || [...value].some(unsafeInPath)) return "/";
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PROBE_ORIGIN) return "/";
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") || path.startsWith("/\\") ? "/" : path;
}
