"use client";

import Link from "next/link";
import { useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { graphql } from "../graphql";
import type { PathDetailQuery } from "../graphql/graphql";
import { formatMs, formatPct, numeric } from "./path-table";

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

type Bucket = PathDetailQuery["path_metric_history"]["buckets"][number];

const MINUTE = 60_000;
const ranges = {
  "1h": { label: "Last hour", ms: 60 * MINUTE, buckets: 60, refreshMs: 15_000 },
  "24h": { label: "Last 24 hours", ms: 24 * 60 * MINUTE, buckets: 288, refreshMs: 60_000 },
  "7d": { label: "Last 7 days", ms: 7 * 24 * 60 * MINUTE, buckets: 168, refreshMs: 300_000 },
} as const;
export type PathRangeKey = keyof typeof ranges;

/** One path: its ends, latest figures and charts of latency, jitter, loss and score over a range. */
export function PathCharts({ pathId, initialRange }: { pathId: number; initialRange: PathRangeKey }) {
  const [range, setRange] = useState<PathRangeKey>(initialRange);
  const [now, setNow] = useState(() => Date.now());
  const { ms, buckets, refreshMs, label } = ranges[range];

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs]);
  useEffect(() => window.history.replaceState(null, "", `?range=${range}`), [range]);

  const from = now - ms;
  const { data, previousData, error, refetch } = useQuery(PATH, {
    variables: { path_id: pathId, from, to: now, max_buckets: buckets },
    fetchPolicy: "no-cache",
  });
  const shown = data ?? previousData;
  const path = shown?.path_health_of;
  const history = shown?.path_metric_history;

  if (error)
    return (
      <p className="error" role="alert">
        Could not load the path: {error.message}{" "}
        <button type="button" onClick={() => void refetch()}>
          Retry
        </button>
      </p>
    );
  if (!shown) return <p className="muted">Loading…</p>;
  if (!path)
    return (
      <p role="status" className="empty">
        No path has id {pathId}. <Link href="/paths">All paths</Link>
      </p>
    );
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const tick = (at: number) =>
    new Date(at).toLocaleString(
      undefined,
      ms > 24 * 60 * MINUTE ? { weekday: "short", hour: "2-digit" } : { hour: "2-digit", minute: "2-digit" },
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
          <Stat name="Latency" value={formatMs(path.latest.latency_ms)} />
          <Stat name="Jitter" value={formatMs(path.latest.jitter_ms)} />
          <Stat name="Loss" value={formatPct(path.latest.packet_loss_pct)} />
          <Stat name="Score" value={String(path.latest.score)} />
        </dl>
      )}
      <div className="toolbar">
        <label>
          Range{" "}
          <select aria-label="Range" value={range} onChange={(e) => setRange(e.target.value as PathRangeKey)}>
            {Object.entries(ranges).map(([key, r]) => (
              <option key={key} value={key}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!history || history.buckets.length === 0 ? (
        <p role="status" className="empty">
          No measurement of this path in the {label.toLowerCase()}.
        </p>
      ) : (
        <>
          <div className="charts">
            {CHARTS.map(({ title, unit, dataKey }) => (
              <Chart
                key={dataKey}
                title={title}
                unit={unit}
                buckets={history.buckets}
                dataKey={dataKey}
                tick={tick}
                domain={[from, now]}
              />
            ))}
          </div>
          <p className="muted" data-testid="time-zone">
            Times in {zone}; each point is the mean of a {history.step_ms / MINUTE}-minute bucket. Gaps: nothing was
            measured.
          </p>
        </>
      )}
    </section>
  );
}

/** The four charts of a path, in the order they are laid out. */
const CHARTS = [
  { title: "Latency", unit: "ms", dataKey: "latency_ms" },
  { title: "Jitter", unit: "ms", dataKey: "jitter_ms" },
  { title: "Packet loss", unit: "%", dataKey: "packet_loss_pct" },
  { title: "Score", unit: "", dataKey: "score" },
] as const;

function Stat({ name, value }: { name: string; value: string }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd style={numeric}>{value}</dd>
    </div>
  );
}

function Chart({
  title,
  unit,
  buckets,
  dataKey,
  tick,
  domain,
}: {
  title: string;
  unit: string;
  buckets: Bucket[];
  dataKey: "latency_ms" | "jitter_ms" | "packet_loss_pct" | "score";
  tick: (at: number) => string;
  domain: [number, number];
}) {
  const format = (value: number) => `${Number(value.toFixed(2))}${unit ? ` ${unit}` : ""}`;
  return (
    <figure className="chart" aria-label={`${title} chart`}>
      <figcaption>
        {title}
        {unit ? ` (${unit})` : ""}
      </figcaption>
      <ResponsiveContainer width="100%" height={180}>
        <LineChart data={buckets} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#1e2a44" vertical={false} />
          <XAxis
            dataKey="start"
            type="number"
            scale="time"
            domain={domain}
            tickFormatter={tick}
            stroke="#94a3b8"
            fontSize={12}
          />
          <YAxis tickFormatter={format} stroke="#94a3b8" fontSize={12} width={70} />
          <Tooltip
            contentStyle={{ background: "#111c33", border: "1px solid #1e2a44" }}
            labelFormatter={(at) => new Date(Number(at)).toLocaleString()}
            formatter={(value) => [format(Number(value)), title]}
          />
          <Line type="monotone" dataKey={dataKey} stroke="#38bdf8" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
