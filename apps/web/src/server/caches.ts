import "server-only";
import { CacheRegistry, createMetricsCache, createRoutingCache } from "@patronus/core/cache";
import { domainEvents } from "@patronus/core/events";
import { invalidateRoutingCaches, type RoutingCaches } from "@patronus/core/routing";

const holder = globalThis as typeof globalThis & {
  __patronusCaches?: { caches: RoutingCaches; registry: CacheRegistry };
};

/**
 * The web process's caches, created once: path metrics and routing decisions, registered so that
 * cache statistics and "clear all caches" have one place to go, and invalidated by domain events.
 */
export function getCaches(): { caches: RoutingCaches; registry: CacheRegistry } {
  if (!holder.__patronusCaches) {
    const registry = new CacheRegistry();
    const caches: RoutingCaches = {
      metrics: registry.register("path_metrics", createMetricsCache({ sweepIntervalMs: 30_000 })),
      routing: registry.register("routing_decisions", createRoutingCache({ sweepIntervalMs: 30_000 })),
    };
    invalidateRoutingCaches(domainEvents, caches);
    holder.__patronusCaches = { caches, registry };
  }
  return holder.__patronusCaches;
}
