import type { TestDb } from "@patronus/core/testing";
import { createApiToken, createUser, type User } from "@patronus/core/users";
import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "./context";
import { createGraphqlEndpoint } from "./http-handler";
import { createApolloServer } from "./server";
import { serveGraphqlEndpoint } from "./test-client";
import { resolveViewer } from "./viewer";
import { createWebTestFixture, TEST_PASSWORD } from "./test-fixture";

let t: TestDb;
let http: { url: string; close: () => Promise<void> };
let viewerToken: string;
let otherToken: string;
let clock = 1_000_000;

beforeAll(async () => {
  let viewer: User;
  ({
    t,
    users: { viewer },
  } = createWebTestFixture());
  const other = createUser(t.db, { email: "other@example.com", password: TEST_PASSWORD, role: "viewer" });
  viewerToken = createApiToken(t.db, { actor: "test", userId: viewer.id, name: "limits" }).token;
  otherToken = createApiToken(t.db, { actor: "test", userId: other.id, name: "limits" }).token;
  const server = createApolloServer({ now: () => clock });
  const endpoint = createGraphqlEndpoint(server, async (request) => {
    const auth = await resolveViewer(t.db, {
      authorization: request.headers.get("authorization"),
      session: async () => undefined,
    });
    return createContext({ db: t.db, ...auth });
  });
  // On Node's own request and response, as src/main.ts serves it.
  http = await serveGraphqlEndpoint(endpoint);
});
afterAll(async () => {
  await http.close();
  t.destroy();
});

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(
  query: string,
  { token, variables }: { token?: string; variables?: Record<string, unknown> } = {},
): Promise<Answer> {
  const response = await fetch(`${http.url}/api/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer["body"] };
}

const HISTORY =
  "traffic_history(from: 0, to: 86400000, max_buckets: 1000, top_policies: 4) { step_ms by_policy { points { at } } }";

describe("GraphQL operation limits", () => {
  it("refuse 40 aliased traffic_history fields before running any, saying what they cost", async () => {
    const query = `{ ${Array.from({ length: 40 }, (_, i) => `h${i}: ${HISTORY}`).join(" ")} }`;
    const answer = await post(query, { token: viewerToken });
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors!.map((e) => e.message)).toContain(
      "This operation costs 4,160 (traffic_history costs 100 each); at most 400 is allowed.",
    );
  });

  it("refuse more than 30 aliases in one operation", async () => {
    const query = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    const answer = await post(query, { token: viewerToken });
    expect(answer.status).toBe(400);
    expect(answer.body.errors!.map((e) => e.message)).toContain(
      "This operation has 31 aliases; at most 30 are allowed.",
    );
  });

  it("refuse an operation nested deeper than 20 levels", async () => {
    const nested = (depth: number): string => (depth === 0 ? "name" : `ofType { ${nested(depth - 1)} }`);
    const answer = await post(`{ __type(name: "Query") { ${nested(20)} } }`, { token: viewerToken });
    expect(answer.status).toBe(400);
    expect(answer.body.errors!.map((e) => e.message)).toContain(
      "This operation nests 22 levels deep; at most 20 are allowed.",
    );
  });

  it("refuse an oversized operation before graphql's own validation compares its fields (quadratic in them)", async () => {
    // 2,000 conflicting fields: graphql-js's overlapping-fields rule took seconds on such a query.
    const query = `{ ${Array.from({ length: 2_000 }, (_, i) => `site_dependencies(site_id: "${i}") { site_name }`).join(" ")} }`;
    const answer = await post(query);
    expect(answer.status).toBe(400);
    expect(answer.body.errors!.map((e) => e.message)).toEqual([
      "This operation costs 4,000; at most 400 is allowed.",
      "This operation repeats site_dependencies 2,000 times in one selection; at most 10 are allowed.",
    ]);
  });

  it("refuse a response name repeated more than 10 times in one selection", async () => {
    const answer = await post(`{ ${"sites { id } ".repeat(11)} }`, { token: viewerToken });
    expect(answer.status).toBe(400);
    expect(answer.body.errors!.map((e) => e.message)).toEqual([
      "This operation repeats sites 11 times in one selection; at most 10 are allowed.",
    ]);
  });

  it("give an anonymous client no schema through introspection", async () => {
    const answer = await post("{ __schema { mutationType { fields { name } } } }");
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      errors: [
        { message: "Introspection needs a signed-in user or an API token.", extensions: { code: "UNAUTHENTICATED" } },
      ],
    });
  });

  it("answer the full introspection query (what Apollo Sandbox sends) for a signed-in user", async () => {
    const answer = await post(getIntrospectionQuery(), { token: viewerToken });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    expect((answer.body.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(20);
  });

  it("limit each user's traffic_history to a bucket of 30 that refills one every 2 s, per user", async () => {
    const burst = await Promise.all(Array.from({ length: 30 }, () => post(`{ ${HISTORY} }`, { token: viewerToken })));
    expect(burst.every((answer) => answer.body.errors === undefined)).toBe(true);

    const refused = await post(`{ ${HISTORY} }`, { token: viewerToken });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("2");
    expect(refused.body.errors![0]!.extensions).toEqual({ code: "RATE_LIMITED", retry_after_s: 2 });
    expect((await post(`{ ${HISTORY} }`, { token: otherToken })).body.errors).toBeUndefined();

    clock += 2_000;
    expect((await post(`{ ${HISTORY} }`, { token: viewerToken })).body.errors).toBeUndefined();
  });
});

describe("GraphQL request bodies", () => {
  it("refuse an anonymous 16 MB body with 413 from its Content-Length", async () => {
    const response = await fetch(`${http.url}/api/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(16 * 1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        { message: "The request body is larger than 1048576 bytes.", extensions: { code: "PAYLOAD_TOO_LARGE" } },
      ],
    });
  });

  it("refuse a body streamed without a Content-Length once it passes the cap", async () => {
    const chunk = new TextEncoder().encode(`{"query":"{ __typename }","pad":"${"x".repeat(64 * 1024)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 2 MB in 64 KB chunks: fetch sends a stream chunked, with no Content-Length.
        if (sent++ < 32) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${http.url}/api/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it("mark every answer, a refused one too, as not to be stored by any cache", async () => {
    const answered = await post("{ __typename }");
    const refused = await post(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(" ")} }`);
    expect(refused.status).toBe(400);
    expect([answered.headers.get("cache-control"), refused.headers.get("cache-control")]).toEqual([
      "no-store",
      "no-store",
    ]);
  });

  it("still answer a small POST and a GET", async () => {
    expect((await post("{ __typename }")).body).toEqual({ data: { __typename: "Query" } });
    const get = await fetch(`${http.url}/api/graphql?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { "apollo-require-preflight": "1" },
    });
    expect(await get.json()).toEqual({ data: { __typename: "Query" } });
  });
});
