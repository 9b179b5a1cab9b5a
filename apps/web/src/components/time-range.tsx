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
