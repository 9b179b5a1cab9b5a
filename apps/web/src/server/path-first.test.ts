import { listPathHealth } from "@patronus/core/path-metrics";
import type { TestDb } from "@patronus/core/testing";
import type { User } from "@patronus/core/users";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pathRanges, pathVariables, type PathRangeKey } from "~/components/path-ranges";
import { PathDetailDocument, type PathDetailQuery } from "~/graphql/graphql";
import type { graphqlClient } from "./graphql/test-client";
import { createWebTestFixture } from "./graphql/test-fixture";
import { readFirstPath } from "./path-first";

// The seed's day of 5-minute metrics ends here (test-fixture.ts).
const NOW = Date.UTC(2026, 10, 1);

let t: TestDb;
let viewer: User;
let execute: ReturnType<typeof graphqlClient>;
let pathId: number;

// Seeded once: every test but the last only reads, and the last has its own database.
beforeAll(() => {
  const fixture = createWebTestFixture({ seed: true });
  ({ t, execute } = fixture);
  viewer = fixture.users.viewer;
  pathId = listPathHealth(t.db)[0]!.path_id;
});
afterAll(() => t.destroy());

describe("readFirstPath", () => {
  it.each(Object.keys(pathRanges) as PathRangeKey[])(
    "gives the %s range exactly what the chart's PathDetail query answers for the same window",
    async (range) => {
      const first = readFirstPath(t.db, { pathId, range, now: NOW });
      const answer = await execute<PathDetailQuery>(print(PathDetailDocument), {
        user: viewer,
        variables: pathVariables(pathId, range, NOW),
      });
      expect(answer.errors).toBeUndefined();
      expect(first?.data.path_metric_history.buckets.length).toBeGreaterThan(1);
      expect(first).toEqual({ now: NOW, data: answer.data });
    },
  );

  it("gives nothing for a path that does not exist, so the chart asks the API and says so", () => {
    expect(readFirstPath(t.db, { pathId: 9999, range: "1h", now: NOW })).toBeUndefined();
  });

  it("gives nothing when the database cannot be read, so the chart's own query shows the error", () => {
    const closed = createWebTestFixture({ seed: true }).t;
    closed.close();
    try {
      expect(readFirstPath(closed.db, { pathId, range: "1h", now: NOW })).toBeUndefined();
    } finally {
      closed.destroy();
    }
  });
});
