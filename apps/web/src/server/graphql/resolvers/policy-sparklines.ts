import { readTrafficHistory } from "../../history-pool";
import type { Resolvers } from "../generated/resolvers";

export const policySparklinesResolvers: Resolvers = {
  Query: {
    // Every policy's minutes: on a reader thread (history-pool.ts), as the traffic history.
    policy_sparklines: (_, { minutes }, ctx) =>
      readTrafficHistory(ctx.db, { kind: "sparklines", params: { now: Date.now(), minutes: minutes ?? 15 } }),
  },
};
