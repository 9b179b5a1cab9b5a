import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Curve } from "recharts";
import { describe, expect, it } from "vitest";
import { ChartSketch, type SketchProps } from "./chart-sketch";
import { TimeChart } from "./time-range";

const base: SketchProps = {
  values: [],
  times: [],
  domain: [0, 1000],
  format: (v) => `${v} pkt/s`,
  height: 200,
  axisWidth: 80,
  margin: { top: 8, right: 16, bottom: 0, left: 8 },
  allowDecimals: true,
};
const draw = (props: Partial<SketchProps>) => renderToStaticMarkup(createElement(ChartSketch, { ...base, ...props }));
const lineOf = (html: string) => /<path class="[^"]*\bline" d="([^"]*)"/.exec(html)![1]!;

describe("ChartSketch", () => {
  it("draws the line across the plot's width, scaled to recharts' top tick, and breaks it at a gap", () => {
    // Plot height 200 - 8 - 30 = 162; recharts' nice ticks for [0, 80] end at 80.
    const html = draw({ values: [40, 80, null, 0, 20], times: [0, 250, 500, 750, 1000] });
    expect(lineOf(html)).toBe("M0,81L250,0M750,162L1000,121.5");
  });

  it("draws the monotone curve the chart's Line draws through the same points, not straight segments", () => {
    // Plot height 162, top tick 80: the values' points are (0, 81), (250, 0), (500, 121.5), (1000, 40.5).
    const points = [
      { x: 0, y: 81 },
      { x: 250, y: 0 },
      { x: 500, y: 121.5 },
      { x: 1000, y: 40.5 },
    ];
    const html = draw({ values: [40, 80, 20, 60], times: [0, 250, 500, 1000] });
    const drawn = renderToStaticMarkup(
      createElement("svg", null, createElement(Curve, { type: "monotone", layout: "horizontal", points })),
    );
    const numbers = (d: string) => d.match(/-?[\d.]+/g)!.map((n) => Math.round(Number(n) * 10) / 10);
    const curve = /<path[^>]* d="([^"]*)"/.exec(drawn)![1]!;
    expect(lineOf(html)).toMatch(/^M0,81C/);
    expect(lineOf(html).replace(/[\d.-]+/g, "#")).toBe(curve.replace(/[\d.-]+/g, "#")); // the same commands
    expect(numbers(lineOf(html))).toEqual(numbers(curve)); // through the same points, to a tenth
  });

  it("breaks the line at a value that is not a finite number, as recharts' Line does, instead of writing NaN into the path", () => {
    // recharts' Curve leaves out a point whose y is not a well-behaved number; an SVG path with "NaN" in it
    // is invalid from there on, so the browser would draw nothing after it.
    const values = [40, Number.NaN, 80, 20, Number.POSITIVE_INFINITY, 60];
    const html = draw({ values, times: [0, 200, 400, 600, 800, 1000] });
    expect(lineOf(html)).not.toMatch(/NaN|Infinity/);
    expect(lineOf(html)).toBe("M0,81ZM400,0L600,121.5M1000,40.5Z");
  });

  it("labels the value axis with recharts' ticks in the chart's format", () => {
    const html = draw({ values: [3, 7], times: [0, 1000] });
    const labels = [...html.matchAll(/class="y-tick"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(labels).toEqual(["0 pkt/s", "2 pkt/s", "4 pkt/s", "6 pkt/s", "8 pkt/s"]);
  });

  it("keeps whole ticks for counts", () => {
    const html = draw({ values: [1, 2], times: [0, 1000], allowDecimals: false });
    const labels = [...html.matchAll(/class="y-tick"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(labels.every((label) => /^\d+ pkt\/s$/.test(label!))).toBe(true);
  });

  it("places the time axis's labels at their share of the window", () => {
    const html = draw({ values: [1, 2], times: [0, 1000], timeTicks: [{ at: 250, label: "06:00" }] });
    expect(html).toContain("calc(88px + (100% - 104px) * 0.25)");
    expect(html).toContain(">06:00<");
  });

  it("is hidden from assistive technology, which gets the interactive chart", () => {
    expect(draw({ values: [1], times: [0] })).toMatch(/^<div class="chart-sketch" aria-hidden="true">/);
  });

  it("widens the window to the rows, as recharts' axis does, when the first bucket starts before it", () => {
    const html = draw({ values: [80, 80], times: [-250, 1000], domain: [0, 1000] });
    expect(lineOf(html)).toBe("M0,0L1000,0");
  });
});

describe("TimeChart's sketch", () => {
  const chart = (rows: { at: number; v: number }[]) =>
    renderToStaticMarkup(
      createElement(TimeChart<{ at: number; v: number }>, {
        title: "Rate",
        name: "Rate",
        height: 200,
        rows,
        xKey: "at",
        dataKey: "v",
        format: String,
        tick: String,
        domain: [0, 1000],
        axisWidth: 80,
        sketch: { rows },
      }),
    );

  it("is in the server's HTML for two rows or more", () => {
    expect(
      chart([
        { at: 0, v: 1 },
        { at: 1000, v: 2 },
      ]),
    ).toContain('class="chart-sketch"');
  });

  it("is left out for one row, through which recharts would draw no line to replace it", () => {
    expect(chart([{ at: 0, v: 1 }])).not.toContain("chart-sketch");
  });
});
