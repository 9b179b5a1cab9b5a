"use client";

import { useQuery } from "@apollo/client/react";
import { formatByteRate, formatBytes, formatCount, formatPacketRate } from "@patronus/core/format";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { graphql } from "../../graphql";
import type { OverviewQuery } from "../../graphql/graphql";
import { Stat } from "../figure-table";
import { Empty, LoadError, Loading } from "../query-states";
import {
  chartMargin,
  ChartFrame,
  gridProps,
  lineProps,
  timeAxisProps,
  timeZone,
  tooltipProps,
  valueAxisProps,
} from "../time-range";
import { currentRates, pathHealthCounts, topPolicies, type PathStatus } from "./overview-data";
import styles from "./overview.module.css";

const OVERVIEW = graphql(`
  query Overview($from: Float!, $to: Float!) {
    traffic_stats {
      source
      at
      reason
      totals {
        packets
        bytes
        active_flows
      }
      unmatched {
        packets_matched
        bytes_matched
        active_flows
      }
    }
    traffic_history(from: $from, to: $to, max_buckets: 91, top_policies: 5) {
      from
      to
      step_ms
      points {
        at
        packets_per_second
        bytes_per_second
        active_flows
      }
      by_policy {
        policy_id
        name
        points {
          at
          bytes
          bytes_per_second
        }
      }
      other_policies {
        policies
        points {
          at
          bytes
          bytes_per_second
        }
      }
    }
    path_health {
      path_id
      status
    }
    collector_health {
      problems {
        kind
        message
      }
    }
    collector_status {
      uptime_ms
      live_flows
      datagrams_received
    }
  }
`);

const MINUTE = 60_000;
/** The live chart's window: the last quarter of an hour, in 10 s buckets (a snapshot every 10 s). */
const WINDOW_MS = 15 * MINUTE;
const REFRESH_MS = 10_000;
/** Policies drawn one by one in the stack; the rest are summed as "Other". */
const TOP_N = 5;
const PALETTE = ["#38bdf8", "#a78bfa", "#34d399", "#fbbf24", "#f472b6", "#64748b"];

/** The landing page: the state of the whole SD-WAN at a glance, refreshed every 10 seconds. */
export function Overview() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const { data, previousData, error, refetch } = useQuery(OVERVIEW, {
    variables: { from: now - WINDOW_MS, to: now },
    // A new window every refresh: caching each would only grow the cache.
    fetchPolicy: "no-cache",
  });
  const shown = data ?? previousData;
  if (!shown)
    return error ? <LoadError what="the overview" error={error} retry={refetch} /> : <Loading what="the overview" />;
  const { traffic_stats: stats, traffic_history: history } = shown;
  const rates = currentRates(history.points);
  return (
    <div className={`traffic ${styles.overview}`}>
      {error && <LoadError what="the latest figures" error={error} retry={refetch} />}
      <section aria-labelledby="now-heading">
        <h2 id="now-heading">Traffic now</h2>
        <dl className="summary" aria-label="Current rates and totals">
          <Stat
            name="Packets per second"
            testId="rate-packets"
            value={rates ? formatPacketRate(rates.packets_per_second!) : "—"}
          />
          <Stat
            name="Bits per second"
            testId="rate-bits"
            value={rates ? formatBitRate(rates.bytes_per_second! * 8) : "—"}
          />
          <Stat name="Active flows" testId="active-flows" value={formatCount(stats.totals.active_flows)} />
          <Stat name="Packets" testId="total-packets" value={formatCount(stats.totals.packets)} />
          <Stat name="Bytes" testId="total-bytes" value={formatBytes(stats.totals.bytes)} />
        </dl>
        <p className="muted" data-testid="stats-source">
          Totals since the collector's counters started;{" "}
          {stats.source === "live"
            ? "live from the collector."
            : `from its latest snapshot (${stats.reason ?? "the collector is unreachable"}).`}{" "}
          Rates over the newest 10-second bucket.
        </p>
      </section>
      {history.points.length === 0 ? (
        <Empty>
          No traffic recorded in the last 15 minutes. The collector writes a snapshot every 10 seconds while flows
          arrive.
        </Empty>
      ) : (
        <div className="charts">
          <RateChart points={history.points} domain={[history.from, history.to]} />
          <TopPoliciesChart history={history} domain={[history.from, history.to]} />
        </div>
      )}
      <div className={styles.cards}>
        <Unmatched unmatched={stats.unmatched} source={stats.source} />
        <PathSummary paths={shown.path_health} />
        <CollectorSummary health={shown.collector_health} status={shown.collector_status} />
      </div>
      <p className="muted" data-testid="time-zone">
        Times in {timeZone()}. Gaps: nothing was recorded (the collector was down).
      </p>
    </div>
  );
}

/** Bits, as links are sold: kbit/s, Mbit/s. */
function formatBitRate(bitsPerSecond: number): string {
  return formatByteRate(bitsPerSecond).replace("B/s", "bit/s");
}

type History = OverviewQuery["traffic_history"];

function RateChart({ points, domain }: { points: History["points"]; domain: [number, number] }) {
  const data = points.map((p) => ({ at: p.at, bits: p.bytes_per_second === null ? null : p.bytes_per_second * 8 }));
  return (
    <ChartFrame title="Rate, last 15 minutes (bits per second)" height={200}>
      {(size) => (
        <LineChart {...size} data={data} margin={chartMargin}>
          <CartesianGrid {...gridProps} />
          <XAxis {...timeAxisProps("at", domain)} />
          <YAxis {...valueAxisProps(formatBitRate, 90)} />
          <Tooltip {...tooltipProps} formatter={(value) => [formatBitRate(Number(value)), "Rate"]} />
          <Line {...lineProps} dataKey="bits" />
        </LineChart>
      )}
    </ChartFrame>
  );
}

function TopPoliciesChart({ history, domain }: { history: History; domain: [number, number] }) {
  const { series, rows } = topPolicies(history.by_policy, TOP_N, history.other_policies);
  if (series.length === 0) return <Empty>No policy matched traffic in the last 15 minutes.</Empty>;
  return (
    <ChartFrame title={`Top ${TOP_N} policies by traffic (bytes per second, stacked)`} height={240}>
      {(size) => (
        <AreaChart {...size} data={rows} margin={chartMargin}>
          <CartesianGrid {...gridProps} />
          <XAxis {...timeAxisProps("at", domain)} />
          <YAxis {...valueAxisProps(formatByteRate, 90)} />
          <Tooltip {...tooltipProps} formatter={(value, name) => [formatByteRate(Number(value)), name]} />
          <Legend />
          {series.map(({ key, name }, i) => (
            <Area
              key={key}
              dataKey={key}
              name={name}
              stackId="policies"
              type="monotone"
              stroke={PALETTE[i % PALETTE.length]}
              fill={PALETTE[i % PALETTE.length]}
              fillOpacity={0.5}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </AreaChart>
      )}
    </ChartFrame>
  );
}

function Unmatched({
  unmatched,
  source,
}: {
  unmatched: { packets_matched: number; bytes_matched: number; active_flows: number } | null | undefined;
  source: string;
}) {
  return (
    <section aria-labelledby="unmatched-heading" className={styles.card}>
      <h2 id="unmatched-heading">Unmatched traffic</h2>
      {unmatched ? (
        <p data-testid="unmatched">
          {formatCount(unmatched.packets_matched)} packets, {formatBytes(unmatched.bytes_matched)},{" "}
          {formatCount(unmatched.active_flows)} active flows matched no enabled policy.
        </p>
      ) : (
        <p className="muted" data-testid="unmatched">
          {source === "live" ? "All traffic matched a policy." : "Only the live collector counts unmatched traffic."}
        </p>
      )}
    </section>
  );
}

const STATUSES: { status: PathStatus; label: string }[] = [
  { status: "up", label: "Up" },
  { status: "degraded", label: "Degraded" },
  { status: "down", label: "Down" },
];

function PathSummary({ paths }: { paths: readonly { status: PathStatus }[] }) {
  const counts = pathHealthCounts(paths);
  return (
    <section aria-labelledby="paths-heading" className={styles.card}>
      <h2 id="paths-heading">Path health</h2>
      {paths.length === 0 ? (
        <p className="muted">No paths yet.</p>
      ) : (
        <ul className={styles.pathCounts}>
          {STATUSES.map(({ status, label }) => (
            <li key={status}>
              <Link href={`/paths?status=${status}`} className={`status status-${status}`}>
                {label}: {counts[status]}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CollectorSummary({
  health,
  status,
}: {
  health: { problems: readonly { kind: string; message: string }[] };
  status: { uptime_ms: number; live_flows: number; datagrams_received: number } | null | undefined;
}) {
  return (
    <section aria-labelledby="collector-heading" className={styles.card}>
      <h2 id="collector-heading">Collector</h2>
      {health.problems.length === 0 ? (
        <p data-testid="collector-state">
          <span className="status status-up">Healthy</span>
        </p>
      ) : (
        <ul data-testid="collector-state">
          {health.problems.map((p) => (
            <li key={p.kind}>{p.message}</li>
          ))}
        </ul>
      )}
      {status && (
        <p className="muted">
          Up {formatDuration(status.uptime_ms)}, {formatCount(status.live_flows)} live flows,{" "}
          {formatCount(status.datagrams_received)} datagrams received.
        </p>
      )}
    </section>
  );
}

function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} days`;
}
