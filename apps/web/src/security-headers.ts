/**
 * Sent with every response: by Next through next.config.ts, and by src/main.ts with the GraphQL
 * answers it serves itself. Pages get their Content-Security-Policy, with a per-request script nonce,
 * from src/proxy.ts; the API's responses get one that allows nothing to run or frame them. See
 * docs/operations.md, "Sign-in and sessions".
 */
export const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** The Content-Security-Policy of everything under /api. */
export const API_CONTENT_SECURITY_POLICY = {
  key: "Content-Security-Policy",
  value: "default-src 'none'; frame-ancestors 'none'",
};
