"use client";

import { useQuery } from "@apollo/client/react";
import { formatCount } from "@patronus/core/format";
import { graphql } from "../graphql";

const FLOW_INPUT = graphql(`
  query FlowInput($admin: Boolean!) {
    collector_status {
      receiver
      exporters_allowed
      datagrams_received
      records_received
      malformed_packets
      insane_records
      unsupported_version
      socket_drops
      unknown_exporter
      templates
      templates_rejected
      templates_evicted
      templates_expired
      templates_throttled
      evicted_flows
      unknown_exporters @include(if: $admin) {
        address
        datagrams
        error
        last_seen
      }
    }
  }
`);

/** What the collector received and what it refused, and for admins who sent flows it does not accept. */
export function FlowInputPanel({ admin }: { admin: boolean }) {
  const { data } = useQuery(FLOW_INPUT, {
    variables: { admin },
    pollInterval: 10_000,
  });
  const status = data?.collector_status;
  if (!status) return null;
  const refused: [string, number][] = [
    ["Malformed datagrams", status.malformed_packets],
    ["Unsupported versions", status.unsupported_version],
    ["Impossible records", status.insane_records],
    ["From unknown exporters", status.unknown_exporter],
    ["Dropped by the kernel", status.socket_drops],
    ["Templates rejected", status.templates_rejected],
    ["Templates evicted", status.templates_evicted],
    ["Templates expired", status.templates_expired],
    ["Templates throttled", status.templates_throttled],
    ["Flows evicted", status.evicted_flows],
  ];
  return (
    <details className="flow-input">
      <summary>
        Flow input: {formatCount(status.datagrams_received)} datagrams, {formatCount(status.records_received)} records,{" "}
        {formatCount(refused.reduce((sum, [, n]) => sum + n, 0))} refused or dropped
      </summary>
      <p className="muted">
        Accepting flows from {status.exporters_allowed}; receiving with {status.receiver};{" "}
        {formatCount(status.templates)} templates held.
      </p>
      <dl aria-label="Refused and dropped">
        {refused.map(([name, n]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{formatCount(n)}</dd>
          </div>
        ))}
      </dl>
      {status.unknown_exporters && status.unknown_exporters.length > 0 && (
        <table aria-label="Unknown exporters">
          <caption>
            Sources that sent flows but are not endpoints: add an endpoint, or list them in PATRONUS_FLOW_EXPORTERS.
          </caption>
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Datagrams (at most)</th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {status.unknown_exporters.map((u) => (
              <tr key={u.address}>
                <td>{u.address}</td>
                <td>{formatCount(u.datagrams)}</td>
                <td>{new Date(u.last_seen).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
