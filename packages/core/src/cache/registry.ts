import { NotFoundError } from "../errors";
import type { CacheStats, ManagedCache } from "./ttl-cache";

export interface NamedCacheStats extends CacheStats {
  name: string;
}

/**
 * Every cache of a process by name, so "clear all caches" and "cache statistics" have one place to go.
 */
export class CacheRegistry {
  private readonly caches = new Map<string, ManagedCache>();

  /** Adds `cache` under `name` and returns it; a name can be registered once. */
  register<C extends ManagedCache>(name: string, cache: C): C {
    if (this.caches.has(name)) throw new Error(`a cache named "${name}" is already registered`);
    this.caches.set(name, cache);
    return cache;
  }

  unregister(name: string): boolean {
    return this.caches.delete(name);
  }

  get(name: string): ManagedCache | undefined {
    return this.caches.get(name);
  }

  names(): string[] {
    return [...this.caches.keys()];
  }

  /** Stats of every cache, in registration order. */
  stats(): NamedCacheStats[] {
    return [...this.caches].map(([name, cache]) => ({ name, ...cache.stats() }));
  }

  /** Clears the cache called `name`; returns how many entries it held. */
  clear(name: string): number {
    const cache = this.caches.get(name);
    if (!cache) throw new NotFoundError(`no cache is named "${name}"`);
    return cache.clear();
  }

  /** Clears every cache; returns the total number of entries removed. */
  clearAll(): number {
    let total = 0;
    for (const cache of this.caches.values()) total += cache.clear();
    return total;
  }
}
