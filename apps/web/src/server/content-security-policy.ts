/**
 * The Content-Security-Policy of a page, with this response's nonce: Next reads the nonce back from
 * the request's copy of the header and puts it on its own inline and bundle scripts, and
 * 'strict-dynamic' lets those load their chunks. No other script runs, injected markup included.
 * Styles keep 'unsafe-inline': recharts and our components set style attributes, which a nonce cannot
 * cover. Development adds 'unsafe-eval', which React's dev build needs for its error overlays.
 */
export function pageContentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 16 random bytes, base64: unguessable and fresh for every page. */
export const newNonce = (): string => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
