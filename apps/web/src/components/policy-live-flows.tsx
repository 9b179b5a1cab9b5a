"use client";

import { useQuery } from "@apollo/client/react";
import { formatBitRate, formatBytes, formatCount, formatPacketRate } from "@patronus/core/format";
import { graphql } from "../graphql";
import { endpointText, protocolName } from "./flow-text";
import { numeric } from "./path-table";
import { Empty, Loading, LoadError } from "./query-states";

const POLICY_TOP_FLOWS = graphql(`
  query PolicyTopFlows($policy_id: ID!, $limit: Int) {
    policy_top_flows(policy_id: $policy_id, limit: $limit) {
      source
      destination
      source_port
      destination_port
      protocol
      packets
      bytes
      packets_per_second
      bits_per_second
      last_seen
    }
  }
`);

/** Rows shown, and how often they are asked again: the collector's flow table changes every second. */
const LIMIT = 10;
const POLL_MS = 5_000;

/**
 * The policy's busiest live flows, from the collector's flow table (the most bytes first), refreshed every
 * few seconds. When the collector is down the error says so, with a retry.
 */
export function PolicyLiveFlows({ policyId }: { policyId: string }) {
  const { data, error, refetch } = useQuery(POLICY_TOP_FLOWS, {
    variables: { policy_id: policyId, limit: LIMIT },
    pollInterval: POLL_MS,
    notifyOnNetworkStatusChange: false,
  });

  if (error) return <LoadError what="the live flows" error={error} retry={() => refetch()} />;
  if (!data) return <Loading what="the live flows" />;
  const flows = data.policy_top_flows;
  if (flows.length === 0) return <Empty>No live flows are counted under this policy right now.</Empty>;
  return (
    <table aria-label="Busiest live flows">
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Destination</th>
          <th scope="col">Protocol</th>
          <th scope="col" style={numeric}>
            Packets
          </th>
          <th scope="col" style={numeric}>
            Bytes
          </th>
          <th scope="col" style={numeric}>
            Packets/s
          </th>
          <th scope="col" style={numeric}>
            Bits/s
          </th>
        </tr>
      </thead>
      <tbody>
        {flows.map((f) => (
          <tr key={`${f.source}|${f.source_port}|${f.destination}|${f.destination_port}|${f.protocol}`}>
            <td>{endpointText(f.source, f.source_port, f.protocol)}</td>
            <td>{endpointText(f.destination, f.destination_port, f.protocol)}</td>
            <td>{protocolName(f.protocol)}</td>
            <td style={numeric}>{formatCount(f.packets)}</td>
            <td style={numeric}>{formatBytes(f.bytes)}</td>
            <td style={numeric}>{formatPacketRate(f.packets_per_second)}</td>
            <td style={numeric}>{formatBitRate(f.bits_per_second)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
