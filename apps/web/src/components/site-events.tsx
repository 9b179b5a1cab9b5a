"use client";

import { useEffect, useRef } from "react";
import type { NetworkChangedMessage, SiteDeletedMessage } from "~/server/event-stream";

export interface NetworkListeners {
  /** A site, endpoint or path was created, changed or deleted somewhere (this page included). */
  onNetworkChanged?: (change: NetworkChangedMessage) => void;
  onSiteDeleted?: (deleted: SiteDeletedMessage) => void;
  /** The stream came back after a drop: nothing is replayed, so reload what the page shows. */
  onReconnected?: () => void;
}

/**
 * Listens to the server's event stream (`/api/events`, docs/api.md "Live updates") for changes to the
 * network while the page is open. The listeners may change on every render: the latest ones are called.
 */
export function useNetworkEvents(listeners: NetworkListeners): void {
  const latest = useRef(listeners);
  useEffect(() => {
    latest.current = listeners;
  });

  useEffect(() => {
    const events = new EventSource("/api/events");
    let dropped = false;
    events.addEventListener("network_changed", (e: MessageEvent<string>) => {
      latest.current.onNetworkChanged?.(JSON.parse(e.data) as NetworkChangedMessage);
    });
    events.addEventListener("site_deleted", (e: MessageEvent<string>) => {
      latest.current.onSiteDeleted?.(JSON.parse(e.data) as SiteDeletedMessage);
    });
    events.addEventListener("error", () => {
      dropped = true;
    });
    events.addEventListener("open", () => {
      if (!dropped) return;
      dropped = false;
      latest.current.onReconnected?.();
    });
    return () => events.close();
  }, []);
}
