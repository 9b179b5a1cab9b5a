"use client";

import Link from "next/link";
import { MINUTE } from "./traffic-ranges";
import { useEffect, useMemo, useState } from "react";
import { graphql } from "../graphql";
import type { PathDetailQuery } from "../graphql/graphql";
import { pathRanges as ranges, pathVariables, type PathRangeKey } from "./path-ranges";
import { Stat } from "./figure-table";
import { formatMs, formatPct } from "./path-table";
import { Empty, LoadError, Loading } from "./query-states";
import type { TimeTick } from "./time-ticks";
import {
  RangePicker,
  TimeChart,
  timeTick,
  useRollingNow,
  useAfterPaint,
  useTimeZone,
  useWindowQuery,
} from "./time-range";

const PATH = graphql(`
  query PathDetail($path_id: Int!, $from: Float!, $to: Float!, $max_buckets: Int) {
    path_health_of(path_id: $path_id) {
      path_id
      status
      source {
        site_name
        address
        interface_kind
      }
      destination {
        site_name
        address
        interface_kind
      }
      latest {
        timestamp
        latency_ms
        jitter_ms
        packet_loss_pct
        bandwidth_mbps
        score
      }
    }
    path_metric_history(path_id: $path_id, from: $from, to: $to, max_buckets: $max_buckets) {
      step_ms
      buckets {
        start
        samples
        latency_ms
        max_latency_ms
        jitter_ms
        packet_loss_pct
        score
      }
    }
  }
`);

/**
 * The first range's answer, read by the page on the server at `now` (server/path-first.ts), with the
 * time axis's ticks in the reader's clock when their browser has told it (clock-cookie.tsx).
 */
export interface FirstPath {
  now: number;
  data: PathDetailQuery;
  timeTicks?: TimeTick[];
}

/** One path: its ends, latest figures and charts of latency, jitter, loss and score over a range. */
export function PathCharts({
  pathId,
  initialRange,
  first,
}: {
  pathId: number;
  initialRange: PathRangeKey;
  /** Comes with the page, so the charts need no query of their own to start with. */
  first?: FirstPath;
}) {
  const [range, setRange] = useState<PathRangeKey>(initialRange);
  const { ms, refreshMs, label } = ranges[range];
  const now = useRollingNow(refreshMs, first?.now);
  useEffect(() => window.history.replaceState(null, "", `?range=${range}`), [range]);

  const from = now - ms;
  const { shown, error, refetch } = useWindowQuery(
    PATH,
    pathVariables(pathId, range, now),
    first && { variables: pathVariables(pathId, initialRange, first.now), data: first.data },
  );
  const zone = useTimeZone();
  const rows = shown?.path_metric_history.buckets ?? NO_BUCKETS;
  const drawn = useMemo(() => {
    const domain: [number, number] = [from, now];
    return { rows, tick: timeTick(domain), domain };
  }, [rows, from, now]);
  const later = useAfterPaint(drawn) ?? { ...drawn, rows: undefined };
  // The page's HTML carries the charts drawn (chart-sketch.tsx) while they show what it came with.
  const onFirst = first !== undefined && shown === first.data;
  const sketch = useMemo(
    () => (onFirst ? { rows, timeTicks: first.timeTicks ?? [] } : undefined),
    [onFirst, first, rows],
  );
  const path = shown?.path_health_of;
  const history = shown?.path_metric_history;

  if (error && !shown) return <LoadError what="the path" error={error} retry={refetch} />;
  if (!shown) return <Loading what="the path" />;
  if (!path)
    return (
      <Empty>
        No path has id {pathId}. <Link href="/paths">All paths</Link>
      </Empty>
    );
  return (
    <section aria-label={`Path ${pathId}`} className="traffic">
      <p>
        {path.source.site_name} <span className="muted">{path.source.address}</span> ({path.source.interface_kind}) →{" "}
        {path.destination.site_name} <span className="muted">{path.destination.address}</span> (
        {path.destination.interface_kind}) <span className={`status status-${path.status}`}>{path.status}</span>
      </p>
      {path.latest && (
        <dl className="summary" aria-label="Latest measurement">
          <Stat alignDigits name="Latency" value={formatMs(path.latest.latency_ms)} />
          <Stat alignDigits name="Jitter" value={formatMs(path.latest.jitter_ms)} />
          <Stat alignDigits name="Loss" value={formatPct(path.latest.packet_loss_pct)} />
          <Stat alignDigits name="Score" value={String(path.latest.score)} />
        </dl>
      )}
      <div className="toolbar">
        <RangePicker ranges={ranges} value={range} onChange={setRange} />
      </div>
      {error && <LoadError what="the latest figures of the path" error={error} retry={refetch} />}
      {!history || history.buckets.length === 0 ? (
        <Empty>No measurement of this path in the {label.toLowerCase()}.</Empty>
      ) : (
        <>
          <div className="charts">
            {CHARTS.map(({ title, unit, dataKey, format }, i) => (
              <TimeChart
                key={dataKey}
                title={`${title}${unit ? ` (${unit})` : ""}`}
                name={title}
                label={`${title} chart`}
                height={180}
                xKey="start"
                dataKey={dataKey}
                format={format}
                {...(i === 0 ? drawn : later)}
                axisWidth={70}
                sketch={sketch}
              />
            ))}
          </div>
          <p className="muted" data-testid="time-zone">
            Times in {zone ?? "your time zone"}; each point is the mean of a {history.step_ms / MINUTE}-minute bucket.
            Gaps: nothing was measured.
          </p>
        </>
      )}
    </section>
  );
}

const NO_BUCKETS: [] = [];

/** The four charts of a path, in the order they are laid out. */
const CHARTS = [
  { title: "Latency", unit: "ms", dataKey: "latency_ms" },
  { title: "Jitter", unit: "ms", dataKey: "jitter_ms" },
  { title: "Packet loss", unit: "%", dataKey: "packet_loss_pct" },
  { title: "Score", unit: "", dataKey: "score" },
].map((chart) => ({
  ...chart,
  format: (value: number) => `${Number(value.toFixed(2))}${chart.unit ? ` ${chart.unit}` : ""}`,
})) as readonly {
  title: string;
  unit: string;
  dataKey: "latency_ms" | "jitter_ms" | "packet_loss_pct" | "score";
  format: (value: number) => string;
}[];
