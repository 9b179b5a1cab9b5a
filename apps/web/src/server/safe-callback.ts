const PROBE_ORIGIN = "http://patronus.invalid";

const unsafeInPath = (c: string) => c <= "\u001f" || c === "\u007f" || c === "\\";

/**
 * `value` when it is a path on this site, else "/". Browsers parse a URL leniently (WHATWG URL): they
 * drop tabs and newlines and read "\" as "/", so "/\t/evil.example" and "/\\evil.example" are both
 * "//evil.example", another origin. Refuse control characters and backslashes outright, then let the
 * same parser say whether what is left stays on this origin.
 */
export function sameOriginPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || [...value].some(unsafeInPath)) return "/";
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return "/";
  }
  return url.origin === PROBE_ORIGIN ? url.pathname + url.search + url.hash : "/";
}
