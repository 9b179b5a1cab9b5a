import { createTestDb, type TestDb } from "@patronus/core/testing";
import type { User } from "@patronus/core/users";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { graphqlClient } from "./test-client";
import { createWebTestFixture } from "./test-fixture";

let t: TestDb;
let viewer: User;

beforeAll(() => {
  ({
    t,
    users: { viewer },
  } = createWebTestFixture());
});
afterAll(() => t.destroy());
afterEach(() => vi.restoreAllMocks());

describe("GraphQL errors", () => {
  it("hide an unexpected error's message behind a reference that the log line carries with the detail", async () => {
    // A real failure: the connection is closed under the server, as when the disk goes away.
    const broken = createTestDb();
    const execute = graphqlClient(broken.db);
    broken.destroy();
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation(
      (...parts: unknown[]) => void logged.push(parts.map(String).join(" ")),
    );

    const result = await execute("{ sites { id } }", { user: viewer });

    const error = result.errors![0]!;
    const ref = /^Internal server error \(ref: ([0-9a-f-]+)\)$/.exec(error.message)?.[1];
    expect(ref).toBeDefined();
    expect(error.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", ref });
    expect(logged.find((line) => line.includes(ref!))).toMatch(/database connection is not open/);
  });

  it("keep a domain error's message and code", async () => {
    const execute = graphqlClient(t.db);
    const result = await execute(`{ site_dependencies(site_id: "nope") { site_name } }`, { user: viewer });
    expect(result.errors![0]!.extensions?.code).toMatch(/VALIDATION|NOT_FOUND/);
    expect(result.errors![0]!.message).not.toMatch(/Internal server error/);
  });

  it("refuse a string argument past its cap before the resolver runs, naming the argument", async () => {
    const execute = graphqlClient(t.db);
    const result = await execute(`query ($id: ID!) { site_dependencies(site_id: $id) { site_name } }`, {
      user: viewer,
      variables: { id: "x".repeat(100_000) },
    });
    expect(result.errors![0]).toMatchObject({
      message: "site_id is 100000 characters long; at most 64 are accepted",
      extensions: { code: "VALIDATION", field: "site_id" },
    });
  });

  it("refuse an 80 KB zone id in a route query at the argument cap", async () => {
    const execute = graphqlClient(t.db);
    const flow = {
      source: `fe80::1%${"1".repeat(80_000)}`,
      destination: "fe80::2",
      source_port: 1,
      destination_port: 2,
      protocol: 6,
    };
    const result = await execute(
      `query ($flow: FlowInput!) { route(source_site_id: "a", destination_site_id: "b", flow: $flow) { reason } }`,
      {
        user: viewer,
        variables: { flow },
      },
    );
    expect(result.errors![0]!.extensions).toEqual({ code: "VALIDATION", field: "flow.source" });
  });
});
