import { getNiceTickValues } from "recharts";
import { curveMonotoneX, line } from "victory-vendor/d3-shape";
import type { TimeTick } from "./time-ticks";

/** recharts' default layout, which the sketch copies so nothing moves when the real chart takes over. */
const X_AXIS_HEIGHT = 30;
const TICK_SIZE = 6;
const TICK_MARGIN = 2;
const Y_TICK_COUNT = 5;
/** The plot's width in the path's own units; the browser stretches it to the frame's width. */
const VIEW_WIDTH = 1000;

export interface SketchProps {
  values: readonly (number | null | undefined)[];
  /** Each value's time, epoch ms. */
  times: readonly number[];
  domain: [number, number];
  /** The time axis's ticks, or none when the server does not know the reader's clock. */
  timeTicks?: readonly TimeTick[];
  format: (value: number) => string;
  height: number;
  axisWidth: number;
  margin: { top: number; right: number; bottom: number; left: number };
  allowDecimals: boolean;
}

/**
 * A time chart drawn without measuring the page: an SVG line stretched to the frame's width, and the
 * axes' labels placed in percent, so the server can send a chart in the page's HTML before any script
 * runs (recharts draws only in the browser, recharts#5997). Shown until the interactive chart has drawn
 * its line (time-range.tsx's ChartFrame); it copies that chart's ticks and layout, and is hidden from
 * assistive technology, which gets the interactive chart.
 */
export function ChartSketch({
  values,
  times,
  domain,
  timeTicks = [],
  format,
  height,
  axisWidth,
  margin,
  allowDecimals,
}: SketchProps) {
  // recharts widens the time axis to take in every row (the first bucket may start before `from`).
  const from = Math.min(domain[0], times[0] ?? domain[0]);
  const to = Math.max(domain[1], times[times.length - 1] ?? domain[1]);
  const max = values.reduce<number>((m, v) => (drawable(v) && v > m ? v : m), 0);
  // The value axis recharts draws for the domain [0, 'auto']: its nice ticks, the last one the top.
  const yTicks = getNiceTickValues([0, max], Y_TICK_COUNT, allowDecimals, "adaptive");
  const top = yTicks[yTicks.length - 1] || 1;
  const plotHeight = height - margin.top - margin.bottom - X_AXIS_HEIGHT;
  const x = (at: number) => ((at - from) / (to - from)) * VIEW_WIDTH;
  const y = (value: number) => plotHeight - (value / top) * plotHeight;
  const plot = { left: margin.left + axisWidth, right: margin.right, top: margin.top, height: plotHeight };
  return (
    <div className="chart-sketch" aria-hidden="true">
      <svg
        style={{
          left: plot.left,
          top: plot.top,
          height: plot.height,
          width: `calc(100% - ${plot.left + plot.right}px)`,
        }}
        viewBox={`0 0 ${VIEW_WIDTH} ${plotHeight}`}
        preserveAspectRatio="none"
      >
        {yTicks.map((tick) => (
          <line key={tick} className="grid" x1={0} x2={VIEW_WIDTH} y1={y(tick)} y2={y(tick)} />
        ))}
        <path className="axis" d={`M0 0V${plotHeight}H${VIEW_WIDTH}`} />
        <path className="line" d={linePath(values, times, x, y)} />
      </svg>
      {yTicks.map((tick) => (
        <span
          key={tick}
          className="y-tick"
          style={{ top: plot.top + y(tick), left: margin.left, width: axisWidth - TICK_SIZE - TICK_MARGIN }}
        >
          {format(tick)}
        </span>
      ))}
      {timeTicks.map(({ at, label }) => (
        <span
          key={at}
          className="x-tick"
          style={{
            top: plot.top + plotHeight + TICK_SIZE + TICK_MARGIN,
            left: `calc(${plot.left}px + (100% - ${plot.left + plot.right}px) * ${(at - from) / (to - from)})`,
          }}
        >
          {label}
        </span>
      ))}
    </div>
  );
}

/** A value recharts' Line draws a point for: it leaves out null, NaN and infinities (a gap). */
const drawable = (value: number | null | undefined): value is number => Number.isFinite(value);

/**
 * The line through the values as the chart's Line draws it (lineProps): d3's monotone curve, as
 * recharts draws it, broken where a value is missing. A monotone curve keeps its shape when the view
 * box is stretched, so it matches recharts' at any width. Its numbers are rounded to a tenth of the
 * 1000-unit box, finer than a pixel: a day of 288 points is then a 9.5 KB path, against 31 KB at full
 * precision. (line.digits would round them, but victory-vendor's CommonJS d3-shape lacks it.)
 */
function linePath(
  values: readonly (number | null | undefined)[],
  times: readonly number[],
  x: (at: number) => number,
  y: (value: number) => number,
): string {
  const path = line<number>()
    .defined((i) => drawable(values[i]))
    .x((i) => x(times[i]!))
    .y((i) => y(values[i]!))
    .curve(curveMonotoneX)(values.map((_, i) => i));
  return (path ?? "").replace(/-?\d+(\.\d+)?(e-?\d+)?/g, (n) => String(Math.round(Number(n) * 10) / 10));
}
