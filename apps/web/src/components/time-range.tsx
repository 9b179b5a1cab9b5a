"use client";

import { useQuery } from "@apollo/client/react";
import type { OperationVariables, TypedDocumentNode } from "@apollo/client";
import { memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartSketch } from "./chart-sketch";
import { useInBrowser } from "./use-in-browser";
import { timeTickFormat, timeTickTimes, type TimeTick } from "./time-ticks";

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

/**
 * The end of a rolling window: now, moved on every `refreshMs`, which makes the page ask again. `start`
 * is the server's now when the page came with its first range read, so both render the same window.
 */
export function useRollingNow(refreshMs: number, start?: number): number {
  const [now, setNow] = useState(() => start ?? Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs]);
  return now;
}

/**
 * The time axis's labels, in the browser's locale and time zone (say which with `timeZone()`), in
 * time-ticks.ts's format: weekday and date for day ticks, weekday and hour past a day, else hour and minute.
 */
export function timeTick(domain: [number, number]): (at: number) => string {
  const format = timeTickFormat(domain);
  return (at) => format.format(at);
}

/** The browser's time zone, which the axes use, named under the charts. */
export function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * timeZone() for text the server renders too: nothing on the server and while hydrating (the server's
 * zone is not the reader's), the browser's right after.
 */
export function useTimeZone(): string | undefined {
  return useInBrowser() ? timeZone() : undefined;
}

/**
 * A chart's frame: its caption, and its body drawn at the frame's measured width. The width is read
 * before the first paint, so the chart is drawn in the same frame the data arrives in; recharts'
 * ResponsiveContainer waits for a ResizeObserver callback first and draws an empty box until then
 * (docs/architecture.md, "Chart speed"). A `sketch` (the server's drawing, chart-sketch.tsx) is
 * shown from the page's HTML until the body has drawn its line.
 */
export function ChartFrame({
  title,
  label,
  height,
  sketch,
  children,
}: {
  title: ReactNode;
  /** The figure's accessible name, when the caption is not a fitting one. */
  label?: string;
  height: number;
  sketch?: ReactNode;
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
  const measured = width > 0;
  return (
    <figure className="chart" aria-label={label}>
      <figcaption>{title}</figcaption>
      <div ref={box} style={{ width: "100%", height, position: "relative" }}>
        {sketch && (
          <UntilDrawn frame={box} measured={measured}>
            {sketch}
          </UntilDrawn>
        )}
        {measured && children({ width, height })}
      </div>
    </figure>
  );
}

/**
 * Its children until recharts has drawn a line in `frame`, which it does over several renders of its
 * own. Its own state, so hiding the sketch does not render the chart beside it again.
 */
function UntilDrawn({
  frame,
  measured,
  children,
}: {
  frame: RefObject<HTMLDivElement | null>;
  measured: boolean;
  children: ReactNode;
}) {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    if (!shown || !measured) return;
    const element = frame.current!;
    const check = () => element.querySelector(".recharts-line-curve") && setShown(false);
    const observer = new MutationObserver(check);
    observer.observe(element, { childList: true, subtree: true });
    check();
    return () => observer.disconnect();
  }, [shown, measured, frame]);
  return shown && children;
}

/** The inner margin every time chart leaves around its plot. */
export const chartMargin = { top: 8, right: 16, bottom: 0, left: 8 } as const;

/** The faint horizontal lines behind every time chart (spread onto recharts' CartesianGrid). */
export const gridProps = { stroke: "#1e2a44", vertical: false } as const;

/**
 * The shared time axis (spread onto XAxis): `dataKey` holds epoch ms, drawn over `domain` with ticks on
 * the browser's clock (time-ticks.ts) and `tick`'s labels.
 */
export function timeAxisProps(dataKey: string, domain: [number, number], tick = timeTick(domain)) {
  return {
    dataKey,
    type: "number",
    scale: "time",
    domain,
    ticks: timeTickTimes(domain[0], domain[1], timeZone()),
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

/**
 * One series over time in its frame: each row's `dataKey` at its `xKey` (epoch ms) over `domain`. No
 * rows yet (`rows` undefined) is the empty frame at its full height, so nothing moves when they come.
 * Memoised: recharts redraws everything on any new prop, so pass stable `tick`, `domain` and `format`.
 * `sketch` is what the page came with from the server: drawn in its HTML (chart-sketch.tsx), even before
 * `rows` are given, until recharts has drawn.
 */
// memo() drops the type parameter; the cast gives it back.
export const TimeChart = memo(TimeChartBody) as unknown as typeof TimeChartBody;

function TimeChartBody<Row extends object>({
  title,
  name,
  label,
  height,
  rows,
  xKey,
  dataKey,
  format,
  tick,
  domain,
  axisWidth,
  wholeTicks = false,
  sketch,
}: {
  title: ReactNode;
  /** The series' name in the tooltip. */
  name: string;
  label?: string;
  height: number;
  rows: readonly Row[] | undefined;
  xKey: keyof Row & string;
  dataKey: keyof Row & string;
  format: (value: number) => string;
  tick: (at: number) => string;
  domain: [number, number];
  /** The value axis's gutter, in pixels. */
  axisWidth: number;
  /** Counts of things (flows): no tick at 2.5. */
  wholeTicks?: boolean;
  sketch?: { rows: readonly Row[]; timeTicks?: readonly TimeTick[] };
}) {
  // recharts draws no line through fewer than two points, and would never replace the sketch.
  const drawing = sketch && sketch.rows.length >= 2 && (
    <ChartSketch
      values={sketch.rows.map((row) => row[dataKey] as number | null | undefined)}
      times={sketch.rows.map((row) => Number(row[xKey]))}
      domain={domain}
      timeTicks={sketch.timeTicks}
      format={format}
      height={height}
      axisWidth={axisWidth}
      margin={chartMargin}
      allowDecimals={!wholeTicks}
    />
  );
  return (
    <ChartFrame title={title} label={label} height={height} sketch={drawing}>
      {(size) =>
        rows && (
          <LineChart {...size} data={rows} margin={chartMargin}>
            <CartesianGrid {...gridProps} />
            <XAxis {...timeAxisProps(xKey, domain, tick)} />
            <YAxis {...valueAxisProps(format, axisWidth)} allowDecimals={!wholeTicks} />
            <Tooltip {...tooltipProps} formatter={(value) => [format(Number(value)), name]} />
            <Line {...lineProps} dataKey={dataKey} />
          </LineChart>
        )
      }
    </ChartFrame>
  );
}

/**
 * `chart` (rows, domain, ticks) for every chart but the first, once the frame showing the first chart
 * with it is painted: recharts draws a chart in one long task, so the first is on screen before it
 * starts on the others (docs/architecture.md, "Chart speed"). Until then, the previous one.
 */
export function useAfterPaint<T>(chart: T): T | undefined {
  const [later, setLater] = useState<T>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame's callback runs just before its paint; a timeout set from it runs after.
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setLater(() => chart))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [chart]);
  return later;
}

/**
 * A chart's query over a rolling window. Never cached: every refresh is a new window, and caching each
 * would only grow the cache. The last answer stays on screen while the next loads. `first` is the answer
 * the page came with (read on the server with the page): it is shown, and not asked for again, until
 * the variables move off its own.
 */
export function useWindowQuery<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  first?: { variables: TVariables; data: TData },
) {
  const asked = JSON.stringify(variables);
  const [firstLeft, setFirstLeft] = useState(first === undefined);
  const onFirst = !firstLeft && asked === JSON.stringify(first?.variables);
  // Left for good: coming back to the same window later (a range picked and picked back) asks again.
  if (!firstLeft && !onFirst) setFirstLeft(true);
  const { data, previousData, error, refetch } = useQuery<TData, TVariables>(document, {
    variables,
    fetchPolicy: "no-cache",
    skip: onFirst,
  } as useQuery.Options<TData, TVariables>);
  return { shown: data ?? previousData ?? first?.data, error, refetch };
}
