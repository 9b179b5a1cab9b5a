import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/**
 * How soon the traffic page's chart is drawn in Chromium, beside the time its GraphQL query takes in
 * the same run (docs/architecture.md, "Chart speed"). Prints; asserts only that the charts appeared.
 *
 * Two ways the data reaches the page: with the page's HTML (the server reads the first range's history
 * and draws the charts into it, chart-sketch.tsx), and by the page's own query when the range picker
 * changes. "Data arrived" is the end of the HTML response in the first case and the end of the query's
 * answer in the second. The first view's line is on screen at the first frame painted with the drawing;
 * recharts' own line (tooltips, redraws) follows once the page's script has run.
 */
const RUNS = 5;
const MINUTE = 60_000;
const VIEWS = [
  { range: "24h", label: "Last 24 hours", ms: 24 * 60 * MINUTE, buckets: 289 },
  { range: "7d", label: "Last 7 days", ms: 7 * 24 * 60 * MINUTE, buckets: 337 },
] as const;

const HISTORY = `query ($from: Float!, $to: Float!, $max_buckets: Int) {
  traffic_history(from: $from, to: $to, max_buckets: $max_buckets) {
    from to step_ms points { at packets bytes packets_per_second bytes_per_second active_flows samples }
  }
}`;

interface Marks {
  /** The page's own history query, when it sends one. */
  sentAt?: number;
  dataAt?: number;
  /** The server's drawing of the first chart (chart-sketch.tsx) in a painted frame: the page came with it. */
  sketchAt?: number;
  /** A line drawn by recharts (or redrawn after dataAt): the first chart's, then all three. */
  chartAt?: number;
  allAt?: number;
  /** Main-thread tasks over 50 ms before the first line, summed: the page's JavaScript at work. */
  busy: number;
  /** Set when the range is picked: the lines then on screen, which a new line must differ from. */
  old?: (string | null)[];
}

/**
 * Records, in the page's own clock (0 = navigation start), when the history query was sent and answered,
 * and when the chart lines were first drawn after the data arrived.
 */
function instrument(): void {
  const marks: Marks = { busy: 0 };
  (window as unknown as { __chartMarks: Marks }).__chartMarks = marks;
  const fetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const history = typeof init?.body === "string" && init.body.includes("TrafficHistory");
    if (history) marks.sentAt = performance.now();
    const response = await fetch(input, init);
    // The answer's head: its body (tens of kB) follows at once. Timing a clone of the body instead
    // resolved only after the page had read and drawn it, hiding the drawing.
    if (history) marks.dataAt = performance.now();
    return response;
  };
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) if (marks.chartAt === undefined) marks.busy += task.duration;
  }).observe({ type: "longtask", buffered: true });
  const drawn = () => {
    // A frame's callback runs just before that frame is painted.
    if (marks.sketchAt === undefined && document.querySelector(".chart-sketch .line")) {
      requestAnimationFrame(() => (marks.sketchAt ??= performance.now()));
    }
    if (marks.old && marks.dataAt === undefined) return;
    const lines = Array.from(document.querySelectorAll(".recharts-line-curve"), (line) => line.getAttribute("d"));
    const redrawn = lines.filter((d, i) => d !== marks.old?.[i]).length;
    if (redrawn > 0) marks.chartAt ??= performance.now();
    if (redrawn >= 3) marks.allAt ??= performance.now();
  };
  new MutationObserver(drawn).observe(document, { childList: true, subtree: true, attributeFilter: ["d"] });
}

/** Clears the marks before the range picker asks for a new range; the lines on screen are the old range's. */
function resetMarks(): void {
  const marks = (window as unknown as { __chartMarks: Marks }).__chartMarks;
  const old = Array.from(document.querySelectorAll(".recharts-line-curve"), (line) => line.getAttribute("d"));
  Object.assign(marks, {
    sentAt: undefined,
    dataAt: undefined,
    sketchAt: undefined,
    chartAt: undefined,
    allAt: undefined,
    busy: 0,
    old,
  });
}

const readMarks = (page: Page) =>
  page.evaluate(() => {
    const marks = (window as unknown as { __chartMarks: Marks }).__chartMarks;
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    return { ...marks, htmlAt: navigation!.responseEnd };
  });

async function allLinesDrawn(page: Page): Promise<void> {
  await expect(page.locator(".recharts-line-curve")).toHaveCount(3, { timeout: 30_000 });
  // After a range switch the old lines count too: this waits for all three to be redrawn.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __chartMarks: Marks }).__chartMarks.allAt), {
      timeout: 30_000,
    })
    .toBeDefined();
}

/** Opens the page on `range`: its first chart, with whatever data the page came with. */
async function firstView(page: Page, range: string) {
  await page.goto(`/traffic?range=${range}`);
  await allLinesDrawn(page);
  const marks = await readMarks(page);
  const inHtml = marks.sentAt === undefined;
  const dataAt = inHtml ? marks.htmlAt : marks.dataAt!;
  // No drawing in the HTML: the first line is recharts'.
  const sketch = marks.sketchAt ?? marks.chartAt!;
  return {
    inHtml,
    sketch,
    toSketch: sketch - dataAt,
    page: marks.chartAt!,
    all: marks.allAt!,
    toChart: marks.chartAt! - dataAt,
    busy: marks.busy,
  };
}

/** Opens the page on 1 h, then picks `label`: the page's own query, answered, then drawn. */
async function rangeSwitch(page: Page, label: string) {
  await page.goto(`/traffic?range=1h`);
  await allLinesDrawn(page);
  await page.evaluate(resetMarks);
  await page.getByRole("combobox", { name: "Range" }).selectOption({ label });
  await expect(page.getByTestId("history-caption")).toContainText(label);
  await allLinesDrawn(page);
  const marks = await readMarks(page);
  return { toChart: marks.chartAt! - marks.dataAt!, all: marks.allAt! - marks.dataAt! };
}

async function queryTime(request: APIRequestContext, ms: number, buckets: number): Promise<number> {
  const to = Date.now();
  const started = performance.now();
  const response = await request.post("/api/graphql", {
    data: { query: HISTORY, variables: { from: to - ms, to, max_buckets: buckets } },
  });
  await response.body();
  expect(response.ok()).toBe(true);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

for (const { range, label, ms: span, buckets } of VIEWS) {
  test(`traffic chart, ${range}: navigation-to-chart and data-to-chart times beside the GraphQL query time`, async ({
    page,
    request,
  }) => {
    test.slow();
    await page.addInitScript(instrument);
    await firstView(page, range); // warm: the first load compiles the page's chunks
    const runs: (Awaited<ReturnType<typeof firstView>> & {
      picked: Awaited<ReturnType<typeof rangeSwitch>>;
      query: number;
    })[] = [];
    for (let i = 0; i < RUNS; i++) {
      const first = await firstView(page, range);
      const picked = await rangeSwitch(page, label);
      runs.push({ ...first, picked, query: await queryTime(request, span, buckets) });
    }
    const m = (pick: (r: (typeof runs)[number]) => number) => median(runs.map(pick));
    const query = m((r) => r.query);
    const [first, all, toChart, busy] = [m((r) => r.page), m((r) => r.all), m((r) => r.toChart), m((r) => r.busy)];
    const [sketch, toSketch] = [m((r) => r.sketch), m((r) => r.toSketch)];
    const [pickedToChart, pickedAll] = [m((r) => r.picked.toChart), m((r) => r.picked.all)];
    const ratio = (value: number) => `${(value / query).toFixed(2)}x`;
    const source = runs.every((r) => r.inHtml) ? "data in the HTML" : "data from the page's own query";
    console.log(
      [
        `${range}, median of ${RUNS}, GraphQL query alone ${ms(query)} (baseline)`,
        `  first view (${source}): navigation start to the first line on screen ${ms(sketch)} (${ratio(sketch)}), ` +
          `HTML received to it ${ms(toSketch)} (${ratio(toSketch)}; negative: painted while the HTML still streamed)`,
        `  first view, interactive (recharts): navigation start to first line ${ms(first)} (${ratio(first)}), to all three ${ms(all)} (${ratio(all)}); ` +
          `data arrived to first line ${ms(toChart)} (${ratio(toChart)}); long tasks before it ${ms(busy)}`,
        `  range picked: answer to first line ${ms(pickedToChart)} (${ratio(pickedToChart)}), to all three ${ms(pickedAll)} (${ratio(pickedAll)})`,
      ].join("\n"),
    );
  });
}
