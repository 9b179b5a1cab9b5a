"use client";

import { useQuery } from "@apollo/client/react";
import { formatByteRate, formatBytes, formatCount, formatPacketRate } from "@patronus/core/format";
import type { TrafficPoint } from "@patronus/core/traffic/stats";
import { useEffect, useMemo, useState } from "react";
import { graphql } from "../graphql";
import type { TrafficHistoryQuery } from "../graphql/graphql";
import { Stat } from "./figure-table";
import { Empty, LoadError, Loading } from "./query-states";
import {
  RangePicker,
  TimeChart,
  timeTick,
  useRollingNow,
  useAfterPaint,
  useTimeZone,
  useWindowQuery,
} from "./time-range";
import type { TimeTick } from "./time-ticks";
import { historyVariables, trafficRanges as ranges, type RangeKey } from "./traffic-ranges";

export type { RangeKey } from "./traffic-ranges";

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

function formatStep(ms: number): string {
  if (ms % (24 * 60 * MINUTE) === 0) return `${ms / (24 * 60 * MINUTE)}-day`;
  if (ms % (60 * MINUTE) === 0) return `${ms / (60 * MINUTE)}-hour`;
  if (ms % MINUTE === 0) return `${ms / MINUTE}-minute`;
  return `${ms / 1000}-second`;
}

/**
 * The first range's history, read by the page on the server at `now` (app/traffic/page.tsx), with the
 * time axis's ticks in the reader's clock when their browser has told it (clock-cookie.tsx).
 */
export interface FirstHistory {
  now: number;
  history: TrafficHistoryQuery["traffic_history"];
  timeTicks?: TimeTick[];
}

/**
 * Traffic over time from the collector's snapshots: rates and active flows, a range and a policy to
 * pick (kept in the address, so a reload or a shared link shows the same), exports.
 */
export function TrafficHistoryPanel({
  initialRange,
  initialPolicy,
  fixedPolicy = false,
  first,
}: {
  initialRange: RangeKey;
  initialPolicy: string;
  /** On a policy's own page: no policy picker, and only the range goes into the address. */
  fixedPolicy?: boolean;
  /** Comes with the page, so the chart needs no query of its own to start with. */
  first?: FirstHistory;
}) {
  const [range, setRange] = useState<RangeKey>(initialRange);
  const [policyId, setPolicyId] = useState(initialPolicy);
  const { ms, buckets, refreshMs, label } = ranges[range];
  const now = useRollingNow(refreshMs, first?.now);

  useEffect(() => {
    const policy = policyId && !fixedPolicy ? `&policy=${policyId}` : "";
    window.history.replaceState(null, "", `?range=${range}${policy}`);
  }, [range, policyId, fixedPolicy]);

  const from = now - ms;
  const policies = useQuery(POLICY_NAMES);
  const { shown, error, refetch } = useWindowQuery(
    HISTORY,
    historyVariables(range, policyId, now),
    first && {
      variables: historyVariables(initialRange, initialPolicy, first.now),
      data: { traffic_history: first.history },
    },
  );
  const history = shown?.traffic_history;
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
            <HistoryCharts
              points={history.points}
              from={history.from}
              to={history.to}
              // The page's HTML carries these charts drawn (chart-sketch.tsx) while they are the first range's.
              timeTicks={history === first?.history ? (first.timeTicks ?? NO_TICKS) : undefined}
            />
          )}
        </>
      )}
    </section>
  );
}

const formatFlows = (value: number) => formatCount(value);
/** A first range without the reader's clock: drawn without time labels. One array, so the charts' memo holds. */
const NO_TICKS: TimeTick[] = [];

function HistoryCharts({
  points,
  from,
  to,
  timeTicks,
}: {
  points: Point[];
  from: number;
  to: number;
  /** Given when these are the points the page came with: the charts are then sketched in its HTML. */
  timeTicks?: TimeTick[];
}) {
  const packets = points.reduce((sum, p) => sum + p.packets, 0);
  const bytes = points.reduce((sum, p) => sum + p.bytes, 0);
  const peak = points.reduce((max, p) => Math.max(max, p.packets_per_second ?? 0), 0);
  const zone = useTimeZone();
  // Stable between renders, so a re-render for anything else (policy names, the time zone) redraws no chart.
  const drawn = useMemo(() => {
    const domain: [number, number] = [from, to];
    return { rows: points, xKey: "at", tick: timeTick(domain), domain, height: 200, axisWidth: 80 } as const;
  }, [points, from, to]);
  const later = useAfterPaint(drawn) ?? { ...drawn, rows: undefined };
  const sketch = useMemo(() => timeTicks && { rows: points, timeTicks }, [points, timeTicks]);
  return (
    <>
      <dl className="summary" aria-label="Totals in range">
        <Stat name="Packets" testId="total-packets" value={formatCount(packets)} />
        <Stat name="Bytes" testId="total-bytes" value={formatBytes(bytes)} />
        <Stat name="Peak" testId="peak-rate" value={formatPacketRate(peak)} />
      </dl>
      {/* A bucket the collector recorded nothing in has no figure: a gap, not a drop to zero. */}
      <div className="charts">
        <TimeChart
          {...drawn}
          title="Packets per second"
          name="Packets per second"
          dataKey="packets_per_second"
          format={formatPacketRate}
          sketch={sketch}
        />
        <TimeChart
          {...later}
          title="Bytes per second"
          name="Bytes per second"
          dataKey="bytes_per_second"
          format={formatByteRate}
          sketch={sketch}
        />
        <TimeChart
          {...later}
          title="Active flows"
          name="Active flows"
          dataKey="active_flows"
          format={formatFlows}
          wholeTicks
          sketch={sketch}
        />
      </div>
      <p className="muted" data-testid="time-zone">
        Times in {zone ?? "your time zone"}. Gaps: nothing was recorded (the collector was down).
      </p>
    </>
  );
}
