import {
  CollectorProtocolError,
  CollectorUnavailableError,
  type CollectorClient,
} from "@patronus/core/traffic/control";
import { GraphQLError } from "graphql";
import type { AuthedContext } from "../context";

/**
 * A call to the collector for a field that has no fallback (a preview, live flows, a reset): an unreachable
 * or unconfigured collector is an error with code COLLECTOR_UNAVAILABLE saying what could not be done, and
 * the collector's "one preview at a time" refusal one with code COLLECTOR_BUSY. docs/api.md, "Errors".
 */
export async function askCollector<T>(
  ctx: AuthedContext,
  what: string,
  call: (collector: CollectorClient) => Promise<T>,
): Promise<T> {
  if (!ctx.collector) throw unavailable(what, "no collector is configured");
  try {
    return await call(ctx.collector);
  } catch (error) {
    if (error instanceof CollectorUnavailableError) throw unavailable(what, error.message);
    if (error instanceof CollectorProtocolError && error.status === 429) {
      throw new GraphQLError(
        `The collector is busy with another preview, so ${what} must wait: try again in a moment.`,
        {
          extensions: { code: "COLLECTOR_BUSY" },
        },
      );
    }
    if (error instanceof CollectorProtocolError && error.status === 413) {
      throw new GraphQLError(`The policies are too large for the collector, so ${what} is not possible.`, {
        extensions: { code: "PAYLOAD_TOO_LARGE" },
      });
    }
    throw error;
  }
}

function unavailable(what: string, why: string): GraphQLError {
  return new GraphQLError(`The collector is unavailable, so ${what} is not possible now (${why}).`, {
    extensions: { code: "COLLECTOR_UNAVAILABLE" },
  });
}
