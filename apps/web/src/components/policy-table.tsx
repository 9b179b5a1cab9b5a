"use client";

import { useMutation, useQuery } from "@apollo/client/react";
import { formatBytes, formatCount, formatPacketRate } from "@patronus/core/format";
import Link from "next/link";
import { useEffect, useState } from "react";
import { graphql } from "../graphql";
import type { PolicyCountersQuery } from "../graphql/graphql";
import { PolicyChangePreview } from "./policy-change-preview";
import { formatBitRate, liveRates, type CounterReading, type LiveRate } from "./policy-rates";
import { moveItem, reorderPriorities } from "./policy-reorder";
import { PolicySparkline } from "./policy-sparkline";
import styles from "./policy-table.module.css";
import { describeError, Empty, Loading, LoadError } from "./query-states";
import { SITE_LIVE_TRAFFIC } from "./site-traffic";

const POLICIES = graphql(`
  query PolicyCounters {
    policies {
      id
      name
      priority
      enabled
      path_preference
      packets_matched
      bytes_matched
      active_flows
    }
    traffic_stats {
      source
      at
      reason
    }
  }
`);

const SPARKLINES = graphql(`
  query PolicySparklines($minutes: Int!) {
    policy_sparklines(minutes: $minutes) {
      policies {
        policy_id
        packets_per_second
      }
    }
    collector_status {
      uptime_ms
    }
  }
`);

const SITE_CHOICES = graphql(`
  query PolicySiteChoices {
    sites {
      id
      name
    }
  }
`);

/** The "Traffic from" picker's value: every site (no column), one site's id, or exporters that are no endpoint. */
const ALL_SITES = "all";
const NO_ENDPOINT = "none";

const SET_PRIORITIES = graphql(`
  mutation SetPolicyPriorities($priorities: [PolicyPriorityInput!]!) {
    setPolicyPriorities(priorities: $priorities) {
      id
      priority
    }
  }
`);

type PolicyRow = PolicyCountersQuery["policies"][number];

/** The live counters' interval: the collector snapshots every 10 s (docs/operations.md). */
const RATE_INTERVAL_MS = 10_000;
const POLL_MS = 2_000;
/** Enough readings to reach one interval back at the poll rate, and two to spare. */
const READINGS_KEPT = RATE_INTERVAL_MS / POLL_MS + 2;
const SPARKLINE_MINUTES = 15;

type SortKey = "priority" | "name" | "packets" | "bytes" | "pps" | "bps" | "flows";
interface Sort {
  key: SortKey;
  descending: boolean;
}

interface Column {
  key: SortKey;
  label: string;
  numeric: boolean;
  title?: string;
  value: (row: PolicyRow, rate: LiveRate | undefined) => number | string;
}

const COLUMNS: Column[] = [
  { key: "priority", label: "Priority", numeric: true, value: (p) => p.priority },
  { key: "name", label: "Name", numeric: false, value: (p) => p.name },
  { key: "packets", label: "Packets", numeric: true, value: (p) => p.packets_matched },
  { key: "bytes", label: "Bytes", numeric: true, value: (p) => p.bytes_matched },
  {
    key: "pps",
    label: "pkt/s",
    numeric: true,
    title: "Packets per second over the last 10 s, from two readings of the live counters",
    value: (_, r) => r?.packets_per_second ?? -1,
  },
  {
    key: "bps",
    label: "bit/s",
    numeric: true,
    title: "Bits per second over the last 10 s, from two readings of the live counters",
    value: (_, r) => r?.bits_per_second ?? -1,
  },
  { key: "flows", label: "Active flows", numeric: true, value: (p) => p.active_flows },
];

const readingOf = (data: PolicyCountersQuery): CounterReading => ({
  at: data.traffic_stats.at,
  counters: new Map(data.policies.map((p) => [p.id, { packets: p.packets_matched, bytes: p.bytes_matched }])),
});

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

function sorted(rows: readonly PolicyRow[], rates: Map<string, LiveRate>, { key, descending }: Sort): PolicyRow[] {
  const column = COLUMNS.find((c) => c.key === key)!;
  return [...rows].sort((a, b) => {
    const x = column.value(a, rates.get(a.id));
    const y = column.value(b, rates.get(b.id));
    const order = typeof x === "string" && typeof y === "string" ? byName.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
    return descending ? -order : order;
  });
}

/** Highest priority first, ties by id: the order the matcher tries them in. */
const byPriority = (rows: readonly PolicyRow[]) =>
  [...rows].sort((a, b) => b.priority - a.priority || Number(a.id) - Number(b.id));

/** "3 h 12 min": how long the collector has been up, without reading the clock during render. */
function formatUptime(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days ${hours % 24} h`;
}

/**
 * Routing policies with their live counters and rates, polled every two seconds and refetched when a
 * policy changes anywhere (the event stream); sortable, with a sparkline per row. Editors get "New
 * policy", "Edit" per row and a reorder mode that saves every moved priority in one call.
 */
export function PolicyTable({ canEdit }: { canEdit: boolean }) {
  const { data, error, refetch } = useQuery(POLICIES, { pollInterval: POLL_MS });
  // Asked once the counters are in, so the table's first answer does not queue behind the sparklines'.
  const extras = useQuery(SPARKLINES, {
    variables: { minutes: SPARKLINE_MINUTES },
    pollInterval: 60_000,
    skip: data === undefined,
  });
  const [readings, setReadings] = useState<CounterReading[]>([]);
  const [sort, setSort] = useState<Sort>({ key: "priority", descending: true });
  const [order, setOrder] = useState<string[]>();
  const [from, setFrom] = useState(ALL_SITES);
  const siteChoices = useQuery(SITE_CHOICES, { skip: data === undefined });
  const fromSite = useQuery(SITE_LIVE_TRAFFIC, {
    variables: { site_id: from === NO_ENDPOINT ? "" : from },
    pollInterval: POLL_MS,
    skip: from === ALL_SITES,
  });

  // Each answer is one reading; the rates compare the newest with one an interval before (policy-rates.ts).
  if (data && readings.at(-1)?.at !== data.traffic_stats.at) {
    setReadings((kept) => [...kept.slice(1 - READINGS_KEPT), readingOf(data)]);
  }

  useEffect(() => {
    const events = new EventSource("/api/events");
    const reload = () => void refetch().catch(() => {});
    let dropped = false;
    events.addEventListener("policies_changed", reload);
    events.addEventListener("error", () => {
      dropped = true;
    });
    // Nothing is replayed after a dropped connection: reload when it comes back (not on the first open).
    events.addEventListener("open", () => {
      if (dropped) reload();
      dropped = false;
    });
    return () => events.close();
  }, [refetch]);

  if (error && !data) return <LoadError what="the policies" error={error} retry={refetch} />;
  if (!data) return <Loading what="policies" />;
  const { source, at, reason } = data.traffic_stats;
  const { rates } = source === "live" ? liveRates(readings, RATE_INTERVAL_MS) : { rates: new Map<string, LiveRate>() };
  const sparklines = new Map(
    extras.data?.policy_sparklines.policies.map((s) => [String(s.policy_id), s.packets_per_second]),
  );
  const uptime = extras.data?.collector_status?.uptime_ms;
  const fromName =
    from === NO_ENDPOINT
      ? "no endpoint"
      : (siteChoices.data?.sites.find((s) => s.id === from)?.name ?? (from === ALL_SITES ? undefined : "the site"));
  const bySite =
    from === ALL_SITES
      ? undefined
      : new Map(fromSite.data?.site_live_traffic.policies.map((p) => [String(p.policy_id), p]) ?? []);
  // Until the first answer the column says nothing rather than 0.
  const siteFigure = (id: string, format: (n: number) => string, key: "packets" | "bytes") =>
    fromSite.data ? format(bySite?.get(id)?.[key] ?? 0) : "—";

  return (
    <>
      <p className="muted" data-testid="stats-source">
        {source === "live"
          ? "Live counters from the collector."
          : `Collector unreachable: showing the snapshot of ${at ? new Date(at).toLocaleString() : "never"}. ${reason ?? ""}`}
      </p>
      <p className="muted" data-testid="totals-window">
        Totals count everything since each policy&apos;s counters were last reset (or since it first saw traffic); a
        collector restart carries them on from its last snapshot.
        {uptime !== undefined && ` The collector started ${formatUptime(uptime)} ago.`} Rates (pkt/s, bit/s) are the
        rise of the live counters over the last 10 s, measured between two readings in this page; — until there are two,
        or after a reset.
      </p>
      {canEdit ? (
        <div className={styles.toolbar}>
          <Link href="/policies/new">New policy</Link>
          {order === undefined && data.policies.length > 1 && (
            <button type="button" onClick={() => setOrder(byPriority(data.policies).map((p) => p.id))}>
              Reorder
            </button>
          )}
        </div>
      ) : (
        <p className="muted" data-testid="role-notice">
          Your role may view policies but not edit or reorder them; ask an operator or an admin.
        </p>
      )}
      {error && <LoadError what="the latest counters" error={error} retry={refetch} />}
      <div className={styles.toolbar}>
        <label>
          Traffic from{" "}
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value={ALL_SITES}>All sites</option>
            {siteChoices.data?.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            <option value={NO_ENDPOINT}>Exporters that are no endpoint</option>
          </select>
        </label>
        {fromSite.error && (
          <LoadError what={`the traffic from ${fromName}`} error={fromSite.error} retry={fromSite.refetch} />
        )}
      </div>
      {data.policies.length === 0 ? (
        <Empty>
          No routing policies yet.{canEdit && " Create one with “New policy”: until then every flow is unmatched."}
        </Empty>
      ) : order !== undefined ? (
        <ReorderPolicies
          policies={data.policies}
          order={order}
          setOrder={setOrder}
          onSaved={() => setOrder(undefined)}
        />
      ) : (
        <div className={styles.scroll} role="region" aria-label="Policies table" tabIndex={0}>
          <table aria-label="Policies">
            <thead>
              <tr>
                {COLUMNS.slice(0, 2).map((column) => (
                  <SortHeader key={column.key} column={column} sort={sort} setSort={setSort} />
                ))}
                <th>Preference</th>
                {COLUMNS.slice(2, 4).map((column) => (
                  <SortHeader key={column.key} column={column} sort={sort} setSort={setSort} />
                ))}
                {bySite && (
                  <>
                    <th className={styles.num} title="Since the collector started or the policy's last reset">
                      Packets from {fromName}
                    </th>
                    <th className={styles.num}>Bytes from {fromName}</th>
                  </>
                )}
                {COLUMNS.slice(4).map((column) => (
                  <SortHeader key={column.key} column={column} sort={sort} setSort={setSort} />
                ))}
                <th title="Packets per second in each minute, from the minute rollups">Last 15 min</th>
                {canEdit && <th>Actions</th>}
              </tr>
            </thead>
            <tbody>
              {sorted(data.policies, rates, sort).map((p) => {
                const rate = rates.get(p.id);
                const points = sparklines.get(p.id);
                return (
                  <tr key={p.id} className={p.enabled ? undefined : styles.disabled}>
                    <td className={styles.num}>{p.priority}</td>
                    <td>
                      <Link href={`/policies/${p.id}`}>{p.name}</Link>
                      {!p.enabled && " (disabled)"}
                    </td>
                    <td>{p.path_preference.replaceAll("_", " ")}</td>
                    <td className={styles.num}>{formatCount(p.packets_matched)}</td>
                    <td className={styles.num}>{formatBytes(p.bytes_matched)}</td>
                    {bySite && (
                      <>
                        <td className={styles.num}>{siteFigure(p.id, formatCount, "packets")}</td>
                        <td className={styles.num}>{siteFigure(p.id, formatBytes, "bytes")}</td>
                      </>
                    )}
                    <td className={styles.num}>{rate ? formatPacketRate(rate.packets_per_second) : "—"}</td>
                    <td className={styles.num}>{rate ? formatBitRate(rate.bits_per_second) : "—"}</td>
                    <td className={styles.num}>{formatCount(p.active_flows)}</td>
                    <td>{points && <PolicySparkline points={points} minutes={SPARKLINE_MINUTES} />}</td>
                    {canEdit && (
                      <td>
                        <Link href={`/policies/${p.id}/edit`} aria-label={`Edit ${p.name}`}>
                          Edit
                        </Link>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** A column header that sorts by its column: a button, so Tab and Enter work; aria-sort says the order. */
function SortHeader({ column, sort, setSort }: { column: Column; sort: Sort; setSort: (sort: Sort) => void }) {
  const active = sort.key === column.key;
  return (
    <th
      className={column.numeric ? styles.num : undefined}
      aria-sort={active ? (sort.descending ? "descending" : "ascending") : undefined}
      title={column.title}
    >
      <button
        type="button"
        className={styles.sortButton}
        // Numbers sort biggest first on the first press: that is what one looks for.
        onClick={() => setSort({ key: column.key, descending: active ? !sort.descending : column.numeric })}
      >
        {column.label}
        <span aria-hidden="true">{active ? (sort.descending ? " ▼" : " ▲") : ""}</span>
      </button>
    </th>
  );
}

/**
 * The policies in the order being drafted, highest priority first, with move up/down per row; the preview
 * shows what the new order would do to the flows now, and Save sends every moved priority in one call.
 */
function ReorderPolicies({
  policies,
  order,
  setOrder,
  onSaved,
}: {
  policies: readonly PolicyRow[];
  order: string[];
  setOrder: (order: string[] | undefined) => void;
  onSaved: () => void;
}) {
  const [save, saving] = useMutation(SET_PRIORITIES);
  const byId = new Map(policies.map((p) => [p.id, p]));
  // A policy created or deleted elsewhere while drafting joins at the end or leaves the draft.
  const ids = [...order.filter((id) => byId.has(id)), ...policies.map((p) => p.id).filter((id) => !order.includes(id))];
  const priorities = reorderPriorities(policies, ids);
  const [status, setStatus] = useState("");

  const submit = async () => {
    try {
      await save({ variables: { priorities } });
      setStatus("");
      onSaved();
    } catch (error) {
      setStatus(`Could not save the new order: ${describeError(error)}`);
    }
  };

  return (
    <section aria-label="Reorder policies">
      <p className="muted">
        The first policy whose rules match a flow takes it. Move policies up or down, check the preview, then save.
      </p>
      <ol aria-label="Policies in their new order" className={styles.reorderList}>
        {ids.map((id, i) => {
          const policy = byId.get(id)!;
          return (
            <li key={id}>
              <span className={styles.moveButtons}>
                <button
                  type="button"
                  aria-label={`Move ${policy.name} up`}
                  disabled={i === 0}
                  onClick={() => setOrder(moveItem(ids, i, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${policy.name} down`}
                  disabled={i === ids.length - 1}
                  onClick={() => setOrder(moveItem(ids, i, 1))}
                >
                  ↓
                </button>
              </span>{" "}
              {policy.name} <span className="muted">(priority {policy.priority})</span>
            </li>
          );
        })}
      </ol>
      <PolicyChangePreview change={priorities.length > 0 ? { kind: "reorder", priorities } : null} />
      {status && (
        <p role="alert" className="error">
          {status}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void submit()} disabled={priorities.length === 0 || saving.loading}>
          {saving.loading ? "Saving…" : "Save order"}
        </button>
        <button type="button" onClick={() => setOrder(undefined)}>
          Cancel
        </button>
      </div>
    </section>
  );
}
