import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

/** The web process's Prometheus metrics (docs/operations.md, "Metrics"); served by app/metrics/route.ts. */
export interface WebMetrics {
  registry: Registry;
  graphqlOperations: Counter<"operation" | "type" | "outcome">;
  graphqlDuration: Histogram<"operation" | "type">;
  graphqlErrors: Counter<"operation" | "code">;
  signIns: Counter<"outcome">;
}

export function createWebMetrics({ defaults = true }: { defaults?: boolean } = {}): WebMetrics {
  const registry = new Registry();
  // Process CPU, memory, event-loop lag and GC: what tells a stalled web process from an idle one.
  if (defaults) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    graphqlOperations: new Counter({
      name: "patronus_graphql_operations_total",
      help: "GraphQL operations by name, type and outcome (ok, or error when the response carries any error)",
      labelNames: ["operation", "type", "outcome"],
      registers,
    }),
    graphqlDuration: new Histogram({
      name: "patronus_graphql_operation_duration_seconds",
      help: "Time from receiving a GraphQL request to sending its response, by operation name and type",
      labelNames: ["operation", "type"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    graphqlErrors: new Counter({
      name: "patronus_graphql_errors_total",
      help: "Errors in GraphQL responses by operation and code; refusals are UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED",
      labelNames: ["operation", "code"],
      registers,
    }),
    signIns: new Counter({
      name: "patronus_sign_ins_total",
      help: "Sign-in attempts by outcome: success, wrong_credentials, throttled (refused before any password check)",
      labelNames: ["outcome"],
      registers,
    }),
  };
}

const holder = globalThis as typeof globalThis & { __patronusMetrics?: WebMetrics };

/** The process's metrics, on globalThis because Next may evaluate this module once per route bundle. */
export function getWebMetrics(): WebMetrics {
  return (holder.__patronusMetrics ??= createWebMetrics());
}
