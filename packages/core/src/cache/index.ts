export { Cache, type CacheOptions, type CacheStats, type ManagedCache } from "./ttl-cache";
export { createMetricsCache, createRoutingCache, type PathMetricsSnapshot, type RoutingDecision } from "./named-caches";
export { CacheRegistry, type NamedCacheStats } from "./registry";
