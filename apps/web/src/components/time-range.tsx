"use client";

import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A range a chart page offers: what the picker says and how far back it reaches. */
export interface TimeRangeOption {
  label: string;
  ms: number;
}

/** The range picker every chart page shows: a labelled select over `ranges`, by key. */
export function RangePicker<K extends string>({
  ranges,
  value,
  onChange,
}: {
  ranges: Record<K, TimeRangeOption>;
  value: K;
  onChange: (key: K) => void;
}) {
  return (
    <label>
      Range{" "}
      <select aria-label="Range" value={value} onChange={(e) => onChange(e.target.value as K)}>
        {(Object.entries(ranges) as [K, TimeRangeOption][]).map(([key, r]) => (
          <option key={key} value={key}>
            {r.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The end of a rolling window: now, moved on every `refreshMs`, which makes the page ask again. */
export function useRollingNow(refreshMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs]);
  return now;
}

/**
 * The time axis's labels, in the browser's locale and time zone (say which with `timeZone()`): the
 * weekday and hour past a day, the hour and minute within one.
 */
export function timeTick([from, to]: [number, number]): (at: number) => string {
  const options: Intl.DateTimeFormatOptions =
    to - from > DAY ? { weekday: "short", hour: "2-digit" } : { hour: "2-digit", minute: "2-digit" };
  const format = new Intl.DateTimeFormat(undefined, options);
  return (at) => format.format(at);
}

/** The browser's time zone, which the axes use, named under the charts. */
export function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A chart's frame: its caption, and its body drawn at the frame's measured width. The width is read
 * before the first paint, so the chart is drawn in the same frame the data arrives in; recharts'
 * ResponsiveContainer waits for a ResizeObserver callback first and draws an empty box until then
 * (docs/architecture.md, "Chart speed").
 */
export function ChartFrame({
  title,
  label,
  height,
  children,
}: {
  title: ReactNode;
  /** The figure's accessible name, when the caption is not a fitting one. */
  label?: string;
  height: number;
  children: (size: { width: number; height: number }) => ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = box.current!;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <figure className="chart" aria-label={label}>
      <figcaption>{title}</figcaption>
      <div ref={box} style={{ width: "100%", height }}>
        {width > 0 && children({ width, height })}
      </div>
    </figure>
  );
}

/** The inner margin every time chart leaves around its plot. */
export const chartMargin = { top: 8, right: 16, bottom: 0, left: 8 } as const;

/** The faint horizontal lines behind every time chart (spread onto recharts' CartesianGrid). */
export const gridProps = { stroke: "#1e2a44", vertical: false } as const;

/** The shared time axis (spread onto XAxis): `dataKey` holds epoch ms, drawn over `domain` with `tick`'s labels. */
export function timeAxisProps(dataKey: string, domain: [number, number], tick = timeTick(domain)) {
  return {
    dataKey,
    type: "number",
    scale: "time",
    domain,
    tickFormatter: tick,
    stroke: "#94a3b8",
    fontSize: 12,
  } as const;
}

/** The value axis (spread onto YAxis): figures in `format`, in a gutter `width` pixels wide. */
export function valueAxisProps(format: (value: number) => string, width: number) {
  return { tickFormatter: format, stroke: "#94a3b8", fontSize: 12, width } as const;
}

/** The tooltip's look and its heading, the hovered time in full (spread onto Tooltip). */
export const tooltipProps = {
  contentStyle: { background: "#111c33", border: "1px solid #1e2a44" },
  labelFormatter: (at: unknown) => new Date(Number(at)).toLocaleString(),
} as const;

/** One series drawn as a line (spread onto Line): no dots, no animation, and an empty bucket is a gap, not zero. */
export const lineProps = {
  type: "monotone",
  stroke: "#38bdf8",
  dot: false,
  isAnimationActive: false,
  connectNulls: false,
} as const;
