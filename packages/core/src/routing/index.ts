export {
  decideRoute,
  latestPathMetrics,
  invalidateRoutingCaches,
  type RoutingCaches,
  type RouteQuery,
} from "./decide-route";
