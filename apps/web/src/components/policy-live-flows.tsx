"use client";

import { useQuery } from "@apollo/client/react";
import { formatBitRate, formatBytes, formatCount, formatPacketRate } from "@patronus/core/format";
import { graphql } from "../graphql";
import type { PolicyTopFlowsQuery } from "../graphql/graphql";
import { FigureTable, type Column } from "./figure-table";
import { flowColumns, flowKey } from "./flow-text";
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
  return <FigureTable label="Busiest live flows" columns={columns} rows={flows} rowKey={flowKey} />;
}

type LiveFlow = PolicyTopFlowsQuery["policy_top_flows"][number];

const columns: Column<LiveFlow>[] = [
  ...flowColumns<LiveFlow>(),
  { header: "Packets", numeric: true, cell: (f) => formatCount(f.packets) },
  { header: "Bytes", numeric: true, cell: (f) => formatBytes(f.bytes) },
  { header: "Packets/s", numeric: true, cell: (f) => formatPacketRate(f.packets_per_second) },
  { header: "Bits/s", numeric: true, cell: (f) => formatBitRate(f.bits_per_second) },
];
