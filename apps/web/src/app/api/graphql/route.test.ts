import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createUser, setUserRole, type User } from "@patronus/core/users";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A marker that throws outside React's server build; these modules are server code, run here under Node.
vi.mock("server-only", () => ({}));

const SECRET = "graphql-route-test-secret-0123456789";
const dataDir = mkdtempSync(join(tmpdir(), "patronus-graphql-route-"));
let server: { url: string; close: () => Promise<void> };
let user: User;

beforeAll(async () => {
  // The route reads the environment once, when first imported: set it before that.
  vi.stubEnv("PATRONUS_DATA_DIR", dataDir);
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("PATRONUS_COLLECTOR_URL", "http://127.0.0.1:9");
  vi.stubEnv("PATRONUS_CONTROL_SECRET", "graphql-route-control-secret-0123");
  const { POST } = await import("./route");
  const { getDb } = await import("~/server/db");
  const { serveHttp } = await import("~/server/graphql/test-client");
  user = createUser(getDb(), { email: "ops@example.com", password: "correct horse battery", role: "operator" });
  server = await serveHttp((request) => POST(request as Parameters<typeof POST>[0]));
});
afterAll(async () => {
  await server.close();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A session cookie as next-auth's sign-in writes it: the user id and session version, sealed with `secret`. */
async function sessionCookie({ secret = SECRET, sv = 0 }: { secret?: string; sv?: number } = {}): Promise<string> {
  const token = await encode({ token: { sub: String(user.id), sv, email: user.email }, secret });
  return `next-auth.session-token=${token}`;
}

async function post(cookie: string): Promise<{ data?: unknown; errors?: { extensions: { code: string } }[] }> {
  const response = await fetch(`${server.url}/api/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ query: "{ api_tokens { id } }" }),
  });
  return (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] };
}

describe("the GraphQL route's sessions", () => {
  it("signs a request in from its session cookie, decoded outside a page render", async () => {
    expect(await post(await sessionCookie())).toEqual({ data: { api_tokens: [] } });
  });

  it("ends a session on its next request after a role change, though its cookie was decoded before", async () => {
    const cookie = await sessionCookie();
    expect((await post(cookie)).errors).toBeUndefined();
    const { getDb } = await import("~/server/db");
    await setUserRole(getDb(), { userId: user.id, role: "viewer", actor: "admin@example.com" });

    expect((await post(cookie)).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("treats a cookie sealed with another secret as anonymous", async () => {
    const cookie = await sessionCookie({ secret: "another-secret-entirely-0123456789" });
    expect((await post(cookie)).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });
});
