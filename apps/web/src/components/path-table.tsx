"use client";

import Link from "next/link";
import { useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { graphql } from "../graphql";
import type { PathHealthQuery, PathStatus } from "../graphql/graphql";
import { FigureTable, type Column } from "./figure-table";
import { Empty, LoadError, Loading } from "./query-states";

const PATH_HEALTH = graphql(`
  query PathHealth($site_id: ID, $status: PathStatus) {
    path_health(site_id: $site_id, status: $status) {
      path_id
      status
      source {
        site_id
        site_name
        address
        interface_kind
      }
      destination {
        site_id
        site_name
        address
        interface_kind
      }
      latest {
        timestamp
        latency_ms
        jitter_ms
        packet_loss_pct
        score
      }
    }
  }
`);

const SITE_NAMES = graphql(`
  query PathSiteNames {
    sites {
      id
      name
    }
  }
`);

const STATUSES: PathStatus[] = ["down", "degraded", "up"];
/** The demo feed and probes report every few tens of seconds. */
const REFRESH_MS = 15_000;

export const formatMs = (ms: number) => `${ms.toFixed(1)} ms`;
export const formatPct = (pct: number) => `${pct.toFixed(2)} %`;

/** Every path worst first, with its latest figures; filters by site and status, kept in the address. */
export function PathTable({ initialSite, initialStatus }: { initialSite: string; initialStatus: string }) {
  const [siteId, setSiteId] = useState(initialSite);
  const [status, setStatus] = useState(initialStatus);
  const sites = useQuery(SITE_NAMES);
  const { data, previousData, error, loading, refetch } = useQuery(PATH_HEALTH, {
    variables: { site_id: siteId || null, status: (status || null) as PathStatus | null },
    pollInterval: REFRESH_MS,
  });
  const rows = (data ?? previousData)?.path_health;

  useEffect(() => {
    const query = new URLSearchParams();
    if (siteId) query.set("site", siteId);
    if (status) query.set("status", status);
    window.history.replaceState(null, "", query.size > 0 ? `?${query}` : window.location.pathname);
  }, [siteId, status]);

  return (
    <section aria-label="Paths" className="traffic">
      <div className="toolbar">
        <label>
          Site{" "}
          <select aria-label="Site" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            <option value="">All sites</option>
            {sites.data?.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status{" "}
          <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <LoadError what="the paths" error={error} retry={refetch} />}
      {!rows ? (
        loading && <Loading what="the paths" />
      ) : rows.length === 0 ? (
        <div role="status">
          <Empty>No path matches these filters.</Empty>
        </div>
      ) : (
        <FigureTable label="Path health" columns={columns} rows={rows} rowKey={(p) => p.path_id} />
      )}
    </section>
  );
}

type PathRow = PathHealthQuery["path_health"][number];

/** One end of a path: its site, then its address and link kind, muted. */
function endText(end: PathRow["source"]) {
  return (
    <>
      {end.site_name}{" "}
      <span className="muted">
        {end.address} ({end.interface_kind})
      </span>
    </>
  );
}

const columns: Column<PathRow>[] = [
  { header: "Path", cell: (p) => <Link href={`/paths/${p.path_id}`}>Path {p.path_id}</Link> },
  { header: "From", cell: (p) => endText(p.source) },
  { header: "To", cell: (p) => endText(p.destination) },
  { header: "Status", cell: (p) => <span className={`status status-${p.status}`}>{p.status}</span> },
  { header: "Latency", numeric: true, cell: (p) => (p.latest ? formatMs(p.latest.latency_ms) : "—") },
  { header: "Jitter", numeric: true, cell: (p) => (p.latest ? formatMs(p.latest.jitter_ms) : "—") },
  { header: "Loss", numeric: true, cell: (p) => (p.latest ? formatPct(p.latest.packet_loss_pct) : "—") },
  { header: "Score", numeric: true, cell: (p) => (p.latest ? p.latest.score : "—") },
];
