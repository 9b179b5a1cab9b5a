"use client";

import { useQuery } from "@apollo/client/react";
import { formatBytes, formatCount } from "@patronus/core/format";
import { graphql } from "../graphql";

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

/** Routing policies with their live counters, refreshed every two seconds. */
export function PolicyTable() {
  const { data, error } = useQuery(POLICIES, { pollInterval: 2_000 });
  if (error) return <p className="muted">Could not load policies: {error.message}</p>;
  if (!data) return <p className="muted">Loading…</p>;
  const { source, at, reason } = data.traffic_stats;
  return (
    <>
      <p className="muted" data-testid="stats-source">
        {source === "live"
          ? "Live counters from the collector."
          : `Collector unreachable: showing the snapshot of ${at ? new Date(at).toLocaleString() : "never"}. ${reason ?? ""}`}
      </p>
      <table aria-label="Policies">
        <thead>
          <tr>
            <th>Priority</th>
            <th>Name</th>
            <th>Preference</th>
            <th>Packets</th>
            <th>Bytes</th>
            <th>Active flows</th>
          </tr>
        </thead>
        <tbody>
          {data.policies.map((p) => (
            <tr key={p.id} className={p.enabled ? undefined : "muted"}>
              <td>{p.priority}</td>
              <td>{p.name}</td>
              <td>{p.path_preference.replaceAll("_", " ")}</td>
              <td>{formatCount(p.packets_matched)}</td>
              <td>{formatBytes(p.bytes_matched)}</td>
              <td>{formatCount(p.active_flows)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
