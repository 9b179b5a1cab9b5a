import { EventEmitter } from "node:events";

/** Facts the domain announces after they are committed; the web app carries them to browsers. */
export type DomainEvent =
  | {
      type: "site_deleted";
      site_id: string;
      site_name: string;
      actor: string;
      audit_id: number;
      endpoints: number;
      paths: number;
      path_metrics: number;
      /** The ids of the removed paths, so caches can drop what they hold for them. */
      path_ids: number[];
      at: number;
    }
  | {
      type: "policies_changed";
      policy_id: number;
      /** A reorder announces each policy whose priority moved, as "updated". */
      change: "created" | "updated" | "deleted";
      actor: string;
      audit_id: number;
      at: number;
    }
  | {
      /** A site, endpoint or path was created, edited or deleted (a site's deletion is `site_deleted`). */
      type: "network_changed";
      entity: "site" | "endpoint" | "path";
      /** The site's UUID, or the endpoint's or path's id. */
      id: string | number;
      change: "created" | "updated" | "deleted";
      actor: string;
      audit_id: number;
      at: number;
      /** Paths the change touches (removed, or whose endpoint changed), so caches can drop what they hold. */
      path_ids: number[];
    }
  | { type: "path_metrics_recorded"; path_ids: number[] };

/** An in-process bus. Listeners run synchronously; one that throws is isolated from the publisher. */
export class EventBus {
  readonly #emitter = new EventEmitter();

  constructor() {
    // Every open dashboard subscribes once; the default warning at 10 listeners would be noise.
    this.#emitter.setMaxListeners(0);
  }

  publish(event: DomainEvent): void {
    for (const listener of this.#emitter.listeners("event") as ((e: DomainEvent) => void)[]) {
      try {
        listener(event);
      } catch (error) {
        console.error("event listener failed", error);
      }
    }
  }

  /** How many listeners are subscribed (each open dashboard's event stream is one). */
  get listenerCount(): number {
    return this.#emitter.listenerCount("event");
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: (event: DomainEvent) => void): () => void {
    this.#emitter.on("event", listener);
    return () => this.#emitter.off("event", listener);
  }
}

/** The process's bus. Kept on globalThis so a bundler that loads this module twice still shares one. */
const holder = globalThis as typeof globalThis & { __patronusEvents?: EventBus };
export const domainEvents: EventBus = (holder.__patronusEvents ??= new EventBus());

/** What a service that changes state takes besides its params: where it announces, and its clock (tests inject both). */
export interface ChangeOptions {
  events?: EventBus;
  now?: () => number;
}
