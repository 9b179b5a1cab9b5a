import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/**
 * Page-to-chart time of the traffic page in Chromium, beside the time its GraphQL query takes in the
 * same run (docs/architecture.md, "Chart speed"). Prints; asserts only that the chart appeared.
 */
const RUNS = 5;
const MINUTE = 60_000;
const VIEWS = [
  { range: "24h", ms: 24 * 60 * MINUTE, buckets: 289 },
  { range: "7d", ms: 7 * 24 * 60 * MINUTE, buckets: 337 },
] as const;

const HISTORY = `query ($from: Float!, $to: Float!, $max_buckets: Int) {
  traffic_history(from: $from, to: $to, max_buckets: $max_buckets) {
    from to step_ms points { at packets bytes packets_per_second bytes_per_second active_flows samples }
  }
}`;

/**
 * Records, in the page's own clock (0 = navigation start), when the history query was sent, when its
 * answer arrived and when a chart line was first drawn.
 */
function instrument(): void {
  const marks: { sentAt?: number; dataAt?: number; chartAt?: number } = {};
  (window as unknown as { __chartMarks: typeof marks }).__chartMarks = marks;
  const fetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const history = typeof init?.body === "string" && init.body.includes("TrafficHistory");
    if (history) marks.sentAt ??= performance.now();
    const response = await fetch(input, init);
    if (history) marks.dataAt ??= performance.now();
    return response;
  };
  new MutationObserver((_, observer) => {
    if (document.querySelector(".recharts-line-curve")) {
      marks.chartAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

interface Marks {
  sentAt: number;
  dataAt: number;
  chartAt: number;
}

async function pageToChart(page: Page, range: string): Promise<Marks> {
  await page.goto(`/traffic?range=${range}`);
  await expect(page.locator(".recharts-line-curve").first()).toBeVisible({ timeout: 30_000 });
  return page.evaluate(() => (window as unknown as { __chartMarks: Marks }).__chartMarks);
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

test("traffic chart: page-to-chart time beside the GraphQL query time", async ({ page, request }) => {
  test.setTimeout(600_000);
  await page.addInitScript(instrument);
  for (const { range, ms, buckets } of VIEWS) {
    await pageToChart(page, range); // warm: the first load compiles the page's chunks
    const runs: (Marks & { query: number })[] = [];
    for (let i = 0; i < RUNS; i++) {
      const marks = await pageToChart(page, range);
      runs.push({ ...marks, query: await queryTime(request, ms, buckets) });
    }
    const m = (pick: (r: (typeof runs)[number]) => number) => median(runs.map(pick));
    const [chart, beforeQuery, dataToChart, query] = [
      m((r) => r.chartAt),
      m((r) => r.sentAt),
      m((r) => r.chartAt - r.dataAt),
      m((r) => r.query),
    ];
    console.log(
      `${range.padEnd(3)}: page-to-chart ${chart.toFixed(0)} ms = query sent at ${beforeQuery.toFixed(0)} ms + ` +
        `answer + data-to-chart ${dataToChart.toFixed(0)} ms; GraphQL query alone ${query.toFixed(0)} ms (baseline): ` +
        `page-to-chart ${(chart / query).toFixed(1)}x, data-to-chart ${(dataToChart / query).toFixed(2)}x the query (median of ${RUNS})`,
    );
  }
});
