"use client";

import { MINUTE, minuteRanges } from "./traffic-ranges";
import { useQuery } from "@apollo/client/react";
import { formatBytes, formatCount } from "@patronus/core/format";
import { useState } from "react";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { graphql } from "../graphql";
import { FigureTable, type Column } from "./figure-table";
import { formatBitRate } from "./policy-rates";
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

/** A site's live traffic per policy; the policies page's "Traffic from" column reads it too. */
export const SITE_LIVE_TRAFFIC = graphql(`
  query SiteLiveTraffic($site_id: ID!) {
    site_live_traffic(site_id: $site_id) {
      at
      policies {
        policy_id
        name
        packets
        bytes
      }
    }
  }
`);

const HISTORY = graphql(`
  query SiteTrafficHistory($site_id: ID!, $from: Float!, $to: Float!, $max_buckets: Int) {
    site_traffic(site_id: $site_id, from: $from, to: $to, max_buckets: $max_buckets) {
      step_ms
      points {
        at
        bytes_per_second
      }
    }
  }
`);

type PolicyRow = { policy_id: number; name: string; packets: number; bytes: number };

const ranges = minuteRanges(30_000);
type RangeKey = keyof typeof ranges;
/** The live counters change with every datagram; the collector's own snapshot interval is 10 s. */
const LIVE_POLL_MS = 5_000;

const COLUMNS: Column<PolicyRow>[] = [
  { header: "Policy", cell: (p) => p.name },
  { header: "Packets", numeric: true, cell: (p) => formatCount(p.packets) },
  { header: "Bytes", numeric: true, cell: (p) => formatBytes(p.bytes) },
];

/**
 * A site's traffic: what its edge exported, per policy (live, since the collector started or each
 * policy's last reset), and its bit rate over a range from the per-site minute and hour history.
 */
export function SiteTraffic({ siteId, siteName }: { siteId: string; siteName: string }) {
  return (
    <section aria-labelledby="site-traffic-title">
      <h2 id="site-traffic-title">Traffic</h2>
      <p className="muted">
        Traffic this site&apos;s edge exported: flow records whose exporter address is one of its endpoints.
      </p>
      <LiveTable siteId={siteId} siteName={siteName} />
      <RateChart siteId={siteId} siteName={siteName} />
    </section>
  );
}

function LiveTable({ siteId, siteName }: { siteId: string; siteName: string }) {
  const { data, error, refetch } = useQuery(SITE_LIVE_TRAFFIC, {
    variables: { site_id: siteId },
    pollInterval: LIVE_POLL_MS,
  });
  if (error && !data) return <LoadError what="the site's live traffic" error={error} retry={refetch} />;
  if (!data) return <Loading what="the site's live traffic" />;
  const rows = data.site_live_traffic.policies;
  if (rows.length === 0)
    return <Empty>No traffic from {siteName}&apos;s edge since the collector started or the last reset.</Empty>;
  return (
    <FigureTable
      label={`Traffic from ${siteName} by policy`}
      columns={COLUMNS}
      rows={rows}
      rowKey={(p) => p.policy_id}
    />
  );
}

function RateChart({ siteId, siteName }: { siteId: string; siteName: string }) {
  const [range, setRange] = useState<RangeKey>("1h");
  const { ms, buckets, refreshMs, label } = ranges[range];
  const now = useRollingNow(refreshMs);
  const from = now - ms;
  const { data, previousData, error, refetch } = useQuery(HISTORY, {
    variables: { site_id: siteId, from, to: now, max_buckets: buckets },
    fetchPolicy: "no-cache",
  });
  const history = (data ?? previousData)?.site_traffic;
  const points = history?.points.map((p) => ({
    at: p.at,
    bits: p.bytes_per_second === null || p.bytes_per_second === undefined ? null : p.bytes_per_second * 8,
  }));
  const domain: [number, number] = [from, now];
  return (
    <>
      <div className="toolbar">
        <RangePicker ranges={ranges} value={range} onChange={setRange} />
      </div>
      {error && <LoadError what="the site's traffic history" error={error} retry={refetch} />}
      {!history || !points ? (
        !error && <Loading what="the site's traffic history" />
      ) : points.every((p) => !p.bits) ? (
        <Empty>
          No traffic from {siteName}&apos;s edge recorded in the {label.toLowerCase()}.
        </Empty>
      ) : (
        <>
          <ChartFrame title={`Bits per second from ${siteName}`} label={`Traffic from ${siteName} chart`} height={200}>
            {(size) => (
              <LineChart {...size} data={points} margin={chartMargin}>
                <CartesianGrid {...gridProps} />
                <XAxis {...timeAxisProps("at", domain, timeTick(domain))} />
                <YAxis {...valueAxisProps(formatBitRate, 80)} />
                <Tooltip {...tooltipProps} formatter={(value) => [formatBitRate(Number(value)), "bit/s"]} />
                <Line {...lineProps} dataKey="bits" />
              </LineChart>
            )}
          </ChartFrame>
          <p className="muted">
            Times in {timeZone()}; each point is a {history.step_ms / MINUTE}-minute bucket. Gaps: the collector
            recorded nothing.
          </p>
        </>
      )}
    </>
  );
}
