import { ApolloServer } from "@apollo/server";
import { afterAll, describe, expect, it } from "vitest";
import { createWebMetrics, getWebMetrics, type WebMetrics } from "../metrics";
import { createContext } from "./context";
import { metricsPlugin } from "./metrics-plugin";
import { resolvers, typeDefs } from "./server";
import { createWebTestFixture } from "./test-fixture";

const { t, users, execute } = createWebTestFixture({ seed: true });
const viewer = users.viewer;
afterAll(() => t.destroy());

/** A sample's current value, 0 when the label set has not been seen. */
async function sample(metrics: WebMetrics, name: string, labels: Record<string, string>): Promise<number> {
  const metric = await metrics.registry.getSingleMetric(name)!.get();
  const found = metric.values.find(
    (v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value) && !("le" in v.labels),
  );
  return found?.value ?? 0;
}

/** How many durations the histogram holds for an operation. */
async function observations(metrics: WebMetrics, operation: string): Promise<number> {
  const durations = await metrics.graphqlDuration.get();
  const count = durations.values.find(
    (v) => v.metricName === "patronus_graphql_operation_duration_seconds_count" && v.labels.operation === operation,
  );
  return count?.value ?? 0;
}

describe("GraphQL metrics", () => {
  it("counts a signed-in viewer's named query as ok under its name, and observes its duration", async () => {
    const metrics = getWebMetrics();
    const labels = { operation: "SiteNames", type: "query" };
    const before = await sample(metrics, "patronus_graphql_operations_total", { ...labels, outcome: "ok" });
    const observedBefore = await observations(metrics, "SiteNames");

    await execute("query SiteNames { sites { name } }", { user: viewer });

    expect(await sample(metrics, "patronus_graphql_operations_total", { ...labels, outcome: "ok" })).toBe(before + 1);
    expect(await observations(metrics, "SiteNames")).toBe(observedBefore + 1);
  });

  it("counts an anonymous query's refusal as an error with code UNAUTHENTICATED", async () => {
    const metrics = getWebMetrics();
    const labels = { operation: "anonymous", code: "UNAUTHENTICATED" };
    const before = await sample(metrics, "patronus_graphql_errors_total", labels);

    await execute("{ policies { id } }");

    expect(await sample(metrics, "patronus_graphql_errors_total", labels)).toBe(before + 1);
  });

  it("labels names past the bound, and names only anonymous clients sent, as other", async () => {
    const metrics = createWebMetrics({ defaults: false });
    const server = new ApolloServer({ typeDefs, resolvers, plugins: [metricsPlugin({ metrics, maxNames: 2 })] });
    const run = (name: string, signedIn: boolean) =>
      server.executeOperation(
        { query: `query ${name} { sites { name } }` },
        {
          contextValue: createContext({
            db: t.db,
            viewer: signedIn ? { id: viewer.id, email: viewer.email, role: "viewer", via: "session" } : undefined,
          }),
        },
      );

    await run("FromAStranger", false);
    await run("First", true);
    await run("Second", true);
    await run("Third", true);
    await run("FromAStranger", false);

    // Anonymous requests are refused (outcome "error"): sum the outcomes per name.
    const operations = await metrics.registry.getSingleMetric("patronus_graphql_operations_total")!.get();
    const perName: Record<string, number> = {};
    for (const v of operations.values) perName[v.labels.operation!] = (perName[v.labels.operation!] ?? 0) + v.value;
    expect(perName).toEqual({ First: 1, Second: 1, other: 3 });
  });
});
