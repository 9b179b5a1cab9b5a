"use client";

import { useMutation, useQuery } from "@apollo/client/react";
import { formatCount, plural } from "@patronus/core/format";
import { useRef, useState } from "react";
import { graphql } from "../graphql";
import { LoadError, Loading } from "./query-states";

const CACHE_STATS = graphql(`
  query CacheStats {
    cache_stats {
      name
      process
      entries
      hits
      misses
      evictions
      hit_rate
    }
  }
`);

const CLEAR_CACHE = graphql(`
  mutation ClearCache {
    clearCache {
      success
      message
      cleared_entries
    }
  }
`);

const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });

/** A cache's hit rate, or "—" before its first lookup: 0 % would claim every lookup missed. */
export function hitRateText({ hits, misses, hit_rate }: { hits: number; misses: number; hit_rate: number }): string {
  return hits + misses === 0 ? "—" : percent.format(hit_rate);
}

/** Why clearing is not offered, or undefined when there is something to clear. */
export function nothingToClear(entries: number): string | undefined {
  return entries === 0 ? "Nothing to clear: every cache is empty." : undefined;
}

/** Every cache's statistics, refreshed every three seconds, and "Clear all caches" behind a confirmation. */
export function CachePanel() {
  const { data, error, refetch } = useQuery(CACHE_STATS, { pollInterval: 3_000 });
  const [clear, { loading: clearing }] = useMutation(CLEAR_CACHE);
  const [result, setResult] = useState<string>();
  const dialog = useRef<HTMLDialogElement>(null);

  if (!data)
    return error ? (
      <LoadError what="the cache statistics" error={error} retry={refetch} />
    ) : (
      <Loading what="the cache statistics" />
    );
  const total = data.cache_stats.reduce((sum, c) => sum + c.entries, 0);
  const empty = nothingToClear(total);

  async function confirmClear() {
    dialog.current?.close();
    try {
      const { data: cleared } = await clear();
      setResult(cleared?.clearCache.message);
    } catch (e) {
      setResult(`Clearing failed: ${(e as Error).message}`);
    }
    await refetch();
  }

  return (
    <>
      {error && <LoadError what="the latest cache statistics" error={error} retry={refetch} />}
      <table aria-label="Caches">
        <thead>
          <tr>
            <th>Cache</th>
            <th>Process</th>
            <th>Entries</th>
            <th>Hit rate</th>
            <th>Hits</th>
            <th>Misses</th>
            <th>Evictions</th>
          </tr>
        </thead>
        <tbody>
          {data.cache_stats.map((c) => (
            <tr key={`${c.process}/${c.name}`}>
              <td>{c.name}</td>
              <td>{c.process}</td>
              <td>{formatCount(c.entries)}</td>
              <td>{hitRateText(c)}</td>
              <td>{formatCount(c.hits)}</td>
              <td>{formatCount(c.misses)}</td>
              <td>{formatCount(c.evictions)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="actions">
        <button
          type="button"
          className="danger"
          disabled={clearing || empty !== undefined}
          aria-describedby={empty ? "nothing-to-clear" : undefined}
          onClick={() => dialog.current?.showModal()}
        >
          Clear all caches
        </button>{" "}
        {empty && (
          <span id="nothing-to-clear" className="muted">
            {empty}
          </span>
        )}
      </p>
      <p role="status" data-testid="clear-result">
        {result}
      </p>
      <dialog ref={dialog} aria-labelledby="clear-title" aria-describedby="clear-description">
        <h2 id="clear-title">Clear all caches?</h2>
        <p id="clear-description">
          {plural(total, "entry", "entries")} will be removed from the web and collector caches. Routing decisions and
          path metrics are then read from the database again.
        </p>
        <p className="actions">
          <button type="button" className="danger" onClick={() => void confirmClear()}>
            Clear {plural(total, "entry", "entries")}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </p>
      </dialog>
    </>
  );
}
