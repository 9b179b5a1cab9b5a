import type { ApolloServerPlugin } from "@apollo/server";
import { getWebMetrics, type WebMetrics } from "../metrics";
import type { Context } from "./context";

/**
 * Operation names become label values, and a client picks them: left alone, a script sending a new name
 * each request would grow the registry without bound. So at most `maxNames` names are tracked, a name is
 * added only by a signed-in request (anonymous ones are refused anyway, and must not use up the slots),
 * and anything else is counted as "other".
 */
export function metricsPlugin({
  metrics = getWebMetrics(),
  maxNames = 200,
  now = () => performance.now(),
}: { metrics?: WebMetrics; maxNames?: number; now?: () => number } = {}): ApolloServerPlugin<Context> {
  const names = new Set<string>();
  const label = (name: string | null | undefined, signedIn: boolean): string => {
    if (!name) return "anonymous";
    if (names.has(name)) return name;
    if (!signedIn || names.size >= maxNames) return "other";
    names.add(name);
    return name;
  };
  return {
    async requestDidStart({ contextValue }) {
      const startedAt = now();
      return {
        async willSendResponse({ operation, operationName, response }) {
          // Unset when the request failed before an operation was picked (unparsable, invalid).
          const type = operation?.operation ?? "unknown";
          const name = operation ? label(operationName, contextValue.viewer !== undefined) : "unresolved";
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          metrics.graphqlDuration.observe({ operation: name, type }, (now() - startedAt) / 1000);
          metrics.graphqlOperations.inc({ operation: name, type, outcome: errors.length > 0 ? "error" : "ok" });
          for (const error of errors) {
            const code = error.extensions?.code;
            metrics.graphqlErrors.inc({ operation: name, code: typeof code === "string" ? code : "UNKNOWN" });
          }
        },
      };
    },
  };
}
