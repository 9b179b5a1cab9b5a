"use client";

import { skipToken, useQuery } from "@apollo/client/react";
import { formatBitRate, formatCount, formatPacketRate } from "@patronus/core/format";
import { useEffect, useState } from "react";
import { graphql } from "../graphql";
import type { PolicyChangeInput, PolicyChangePreviewQuery } from "../graphql/graphql";
import { FigureTable, type Column } from "./figure-table";
import { flowColumns, flowKey, policyLabel, previewSummary } from "./flow-text";
import { Loading, LoadError } from "./query-states";

/** The collector's verdict on a draft policy change; see policy_change_preview in docs/api.md. */
export const POLICY_CHANGE_PREVIEW = graphql(`
  query PolicyChangePreview($change: PolicyChangeInput!) {
    policy_change_preview(change: $change) {
      flows_considered
      flows_moved
      packets_per_second_moved
      bits_per_second_moved
      packets_per_second_total
      bits_per_second_total
      moves {
        from_policy_id
        from_policy_name
        to_policy_id
        to_policy_name
        flows
        packets_per_second
        bits_per_second
      }
      top_flows {
        source
        destination
        source_port
        destination_port
        protocol
        dscp
        from_policy_id
        to_policy_id
        packets_per_second
        bits_per_second
      }
      at
    }
  }
`);

/** How long `change` must stay the same before the collector is asked: typing a CIDR is not ten previews. */
const DEBOUNCE_MS = 400;

/**
 * What `change` would do to the traffic flowing now, shown before it is saved: how many live flows would
 * move, at what rates, from which policy to which, and the busiest of them. `null` while the draft is not
 * yet valid. The collector computes it over its live flows without touching a counter (docs/api.md,
 * policy_change_preview).
 */
export function PolicyChangePreview({ change }: { change: PolicyChangeInput | null }) {
  const asked = useDebounced(change, DEBOUNCE_MS);
  const { data, dataState, error, loading, refetch } = useQuery(
    POLICY_CHANGE_PREVIEW,
    asked ? { variables: { change: asked }, fetchPolicy: "network-only" } : skipToken,
  );

  return (
    <section aria-labelledby="policy-preview-title" className="policy-preview">
      <h3 id="policy-preview-title">Effect on live traffic</h3>
      {change === null ? (
        <p className="muted">The preview appears once the change is complete and valid.</p>
      ) : error ? (
        <LoadError what="the preview" error={error} retry={() => refetch()} />
      ) : loading || dataState !== "complete" ? (
        <Loading what="the preview" />
      ) : (
        <PreviewResult preview={data.policy_change_preview} />
      )}
    </section>
  );
}

type Preview = PolicyChangePreviewQuery["policy_change_preview"];

function PreviewResult({ preview }: { preview: Preview }) {
  const share =
    preview.bits_per_second_total > 0
      ? ` (${Math.round((preview.bits_per_second_moved / preview.bits_per_second_total) * 100)}% of live traffic)`
      : "";
  return (
    <>
      <p role="status">
        {previewSummary(preview)}
        {preview.flows_moved > 0 ? share : ""}
      </p>
      {preview.moves.length > 0 && (
        <FigureTable
          label="Flows that would move, by policy"
          columns={moveColumns}
          rows={preview.moves}
          rowKey={(m) => `${m.from_policy_id ?? "none"}>${m.to_policy_id ?? "none"}`}
        />
      )}
      {preview.top_flows.length > 0 && (
        <FigureTable
          label="Busiest flows that would move"
          columns={topFlowColumns(preview)}
          rows={preview.top_flows}
          rowKey={flowKey}
        />
      )}
    </>
  );
}

type Move = Preview["moves"][number];
type TopFlow = Preview["top_flows"][number];

const moveColumns: Column<Move>[] = [
  { header: "From", cell: (m) => policyLabel(m.from_policy_id, m.from_policy_name) },
  { header: "To", cell: (m) => policyLabel(m.to_policy_id, m.to_policy_name) },
  { header: "Flows", numeric: true, cell: (m) => formatCount(m.flows) },
  { header: "Packets/s", numeric: true, cell: (m) => formatPacketRate(m.packets_per_second) },
  { header: "Bits/s", numeric: true, cell: (m) => formatBitRate(m.bits_per_second) },
];

function topFlowColumns(preview: Preview): Column<TopFlow>[] {
  return [
    ...flowColumns<TopFlow>(),
    { header: "DSCP", numeric: true, cell: (f) => f.dscp },
    {
      header: "Moves",
      cell: (f) => (
        <>
          {policyLabel(f.from_policy_id, nameOf(preview, f.from_policy_id))} →{" "}
          {policyLabel(f.to_policy_id, nameOf(preview, f.to_policy_id))}
        </>
      ),
    },
    { header: "Bits/s", numeric: true, cell: (f) => formatBitRate(f.bits_per_second) },
  ];
}

/** A policy's name as the moves give it (every moved flow's pair is among them). */
function nameOf(preview: Preview, id: string | null | undefined): string | null {
  for (const m of preview.moves) {
    if (m.from_policy_id === id) return m.from_policy_name ?? null;
    if (m.to_policy_id === id) return m.to_policy_name ?? null;
  }
  return null;
}

/** `value` once it has stayed the same (by its JSON) for `ms`; compared by content, as forms rebuild objects. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}
