"use client";

import { useQuery } from "@apollo/client/react";
import { formatByteRate, formatBytes, formatCount, formatPacketRate } from "@patronus/core/format";
import type { TrafficPoint } from "@patronus/core/traffic/stats";
import { useEffect, useState } from "react";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { graphql } from "../graphql";
import { Stat } from "./figure-table";
import { Empty, LoadError, Loading } from "./query-states";
import {
  chartMargin,
  ChartFrame,
  gridProps,
  lineProps,
  RangePicker,
  timeAxisProps,
  timeTick,
  timeZone,
  tooltipProps,
  useRollingNow,
  valueAxisProps,
} from "./time-range";

// Type only: erased from the browser bundle. The query below asks for every field of it.
type Point = TrafficPoint;

const POLICY_NAMES = graphql(`
  query PolicyNames {
    policies {
      id
      name
    }
  }
`);

const HISTORY = graphql(`
  query TrafficHistory($from: Float!, $to: Float!, $policy_id: Int, $max_buckets: Int) {
    traffic_history(from: $from, to: $to, policy_id: $policy_id, max_buckets: $max_buckets) {
      from
      to
      step_ms
      points {
        at
        packets
        bytes
        packets_per_second
        bytes_per_second
        active_flows
        samples
      }
    }
  }
`);

const MINUTE = 60_000;
/**
 * Buckets of 1 min, 5 min and 30 min: never narrower than a minute, the demo history's spacing (live
 * snapshots come every 10 s). One bucket more than the span holds, for the partial one at each end.
 */
const ranges = {
  // 10 s buckets, the snapshot interval: the last 15 minutes are live snapshots, never the demo's minutes.
  "15m": { label: "Last 15 minutes", ms: 15 * MINUTE, buckets: 91, refreshMs: 10_000 },
  "1h": { label: "Last hour", ms: 60 * MINUTE, buckets: 61, refreshMs: 10_000 },
  "24h": { label: "Last 24 hours", ms: 24 * 60 * MINUTE, buckets: 289, refreshMs: 30_000 },
  "7d": { label: "Last 7 days", ms: 7 * 24 * 60 * MINUTE, buckets: 337, refreshMs: 60_000 },
} as const;
export type RangeKey = keyof typeof ranges;

function formatStep(ms: number): string {
  if (ms % (24 * 60 * MINUTE) === 0) return `${ms / (24 * 60 * MINUTE)}-day`;
  if (ms % (60 * MINUTE) === 0) return `${ms / (60 * MINUTE)}-hour`;
  if (ms % MINUTE === 0) return `${ms / MINUTE}-minute`;
  return `${ms / 1000}-second`;
}

/**
 * Traffic over time from the collector's snapshots: rates and active flows, a range and a policy to
 * pick (kept in the address, so a reload or a shared link shows the same), exports.
 */
export function TrafficHistoryPanel({
  initialRange,
  initialPolicy,
  fixedPolicy = false,
}: {
  initialRange: RangeKey;
  initialPolicy: string;
  /** On a policy's own page: no policy picker, and only the range goes into the address. */
  fixedPolicy?: boolean;
}) {
  const [range, setRange] = useState<RangeKey>(initialRange);
  const [policyId, setPolicyId] = useState(initialPolicy);
  const { ms, buckets, refreshMs, label } = ranges[range];
  const now = useRollingNow(refreshMs);

  useEffect(() => {
    const policy = policyId && !fixedPolicy ? `&policy=${policyId}` : "";
    window.history.replaceState(null, "", `?range=${range}${policy}`);
  }, [range, policyId, fixedPolicy]);

  const from = now - ms;
  const policies = useQuery(POLICY_NAMES);
  const { data, previousData, error, refetch } = useQuery(HISTORY, {
    variables: { from, to: now, max_buckets: buckets, policy_id: policyId ? Number(policyId) : null },
    // Every refresh is a new range: caching each would only grow the cache.
    fetchPolicy: "no-cache",
  });
  const history = (data ?? previousData)?.traffic_history;
  const policyName = policies.data?.policies.find((p) => p.id === policyId)?.name;
  // Exactly what the chart asked for, so the export holds the buckets on screen (docs/api.md).
  const exportQuery = `from=${from}&to=${now}&max_buckets=${buckets}${policyId ? `&policy_id=${policyId}` : ""}`;

  return (
    <section aria-label="Traffic history" className="traffic">
      <div className="toolbar">
        <RangePicker ranges={ranges} value={range} onChange={setRange} />
        {!fixedPolicy && (
          <label>
            Policy{" "}
            <select aria-label="Policy" value={policyId} onChange={(e) => setPolicyId(e.target.value)}>
              <option value="">All policies</option>
              {policies.data?.policies.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="exports">
          <a href={`/api/stats/export?format=csv&${exportQuery}`} download>
            Export CSV
          </a>
          <a href={`/api/stats/export?format=json&${exportQuery}`} download>
            Export JSON
          </a>
          <a href={`/api/stats/export?format=csv&granularity=raw&${exportQuery}`} download>
            Raw snapshots (CSV)
          </a>
        </span>
      </div>
      {error && <LoadError what="the traffic history" error={error} retry={refetch} />}
      {!history ? (
        !error && <Loading what="the traffic history" />
      ) : (
        <>
          <p className="muted" data-testid="history-caption">
            {label} · {formatStep(history.step_ms)} buckets · {policyName ?? "all policies"}
          </p>
          {history.points.length === 0 ? (
            <Empty>
              No traffic recorded in this range yet. The collector writes a snapshot every 10 seconds while flows
              arrive.
            </Empty>
          ) : (
            <HistoryCharts points={history.points} from={history.from} to={history.to} />
          )}
        </>
      )}
    </section>
  );
}

function HistoryCharts({ points, from, to }: { points: Point[]; from: number; to: number }) {
  const packets = points.reduce((sum, p) => sum + p.packets, 0);
  const bytes = points.reduce((sum, p) => sum + p.bytes, 0);
  const peak = points.reduce((max, p) => Math.max(max, p.packets_per_second ?? 0), 0);
  const tick = timeTick([from, to]);
  return (
    <>
      <dl className="summary" aria-label="Totals in range">
        <Stat name="Packets" testId="total-packets" value={formatCount(packets)} />
        <Stat name="Bytes" testId="total-bytes" value={formatBytes(bytes)} />
        <Stat name="Peak" testId="peak-rate" value={formatPacketRate(peak)} />
      </dl>
      <div className="charts">
        <Chart
          title="Packets per second"
          points={points}
          dataKey="packets_per_second"
          format={formatPacketRate}
          tick={tick}
          domain={[from, to]}
        />
        <Chart
          title="Bytes per second"
          points={points}
          dataKey="bytes_per_second"
          format={formatByteRate}
          tick={tick}
          domain={[from, to]}
        />
        <Chart
          title="Active flows"
          points={points}
          dataKey="active_flows"
          format={(v) => formatCount(v)}
          tick={tick}
          domain={[from, to]}
          wholeTicks
        />
      </div>
      <p className="muted" data-testid="time-zone">
        Times in {timeZone()}. Gaps: nothing was recorded (the collector was down).
      </p>
    </>
  );
}

function Chart({
  title,
  points,
  dataKey,
  format,
  tick,
  domain,
  wholeTicks = false,
}: {
  title: string;
  points: Point[];
  dataKey: "packets_per_second" | "bytes_per_second" | "active_flows";
  format: (value: number) => string;
  tick: (at: number) => string;
  domain: [number, number];
  /** Counts of things (flows): no tick at 2.5. */
  wholeTicks?: boolean;
}) {
  return (
    <ChartFrame title={title} height={200}>
      {(size) => (
        <LineChart {...size} data={points} margin={chartMargin}>
          <CartesianGrid {...gridProps} />
          <XAxis {...timeAxisProps("at", domain, tick)} />
          <YAxis {...valueAxisProps(format, 80)} allowDecimals={!wholeTicks} />
          <Tooltip {...tooltipProps} formatter={(value) => [format(Number(value)), title]} />
          {/* A bucket the collector recorded nothing in has no figure: a gap, not a drop to zero. */}
          <Line {...lineProps} dataKey={dataKey} />
        </LineChart>
      )}
    </ChartFrame>
  );
}
