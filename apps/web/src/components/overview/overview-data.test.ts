import { describe, expect, it } from "vitest";
import { currentRates, pathHealthCounts, topPolicies, type PolicySeries } from "./overview-data";

const series = (policy_id: number, rates: (number | null)[]): PolicySeries => ({
  policy_id,
  name: `policy ${policy_id}`,
  points: rates.map((rate, i) => ({ at: i * 10_000, bytes: (rate ?? 0) * 10, bytes_per_second: rate })),
});

describe("the overview's figures", () => {
  it("takes the current rates from the newest bucket that recorded something, not the empty one ending now", () => {
    const point = (at: number, pps: number | null) => ({
      at,
      packets_per_second: pps,
      bytes_per_second: pps === null ? null : pps * 100,
      active_flows: pps === null ? null : 1,
    });

    expect(currentRates([point(0, 5), point(10, 7), point(20, null)])?.at).toBe(10);
    expect(currentRates([point(0, null)])).toBeUndefined();
  });

  it("stacks the top policies by bytes and sums the rest as Other", () => {
    const { series: keys, rows } = topPolicies(
      [series(1, [1, 1]), series(2, [50, 50]), series(3, [5, 5]), series(4, [2, null])],
      2,
    );

    expect(keys).toEqual([
      { key: "p2", name: "policy 2" },
      { key: "p3", name: "policy 3" },
      { key: "other", name: "Other (2)" },
    ]);
    expect(rows).toEqual([
      { at: 0, p2: 50, p3: 5, other: 3 },
      { at: 10_000, p2: 50, p3: 5, other: 1 },
    ]);
  });

  it("adds the server's sum of the policies past its top to Other, counting them", () => {
    const other = { policies: 995, points: series(0, [7, null]).points };

    const { series: keys, rows } = topPolicies([series(1, [1, 1]), series(2, [50, 50])], 1, other);

    expect(keys.at(-1)).toEqual({ key: "other", name: "Other (996)" });
    expect(rows).toEqual([
      { at: 0, p2: 50, other: 8 },
      { at: 10_000, p2: 50, other: 1 },
    ]);
  });

  it("keeps a gap in a policy's series a gap, and leaves out policies that carried nothing", () => {
    const { series: keys, rows } = topPolicies([series(1, [4, null]), series(2, [0, 0])], 5);

    expect(keys.map((k) => k.key)).toEqual(["p1"]);
    expect(rows).toEqual([
      { at: 0, p1: 4 },
      { at: 10_000, p1: null },
    ]);
  });

  it("counts paths in every state, zero included", () => {
    expect(pathHealthCounts([{ status: "up" }, { status: "down" }, { status: "up" }])).toEqual({
      up: 2,
      degraded: 0,
      down: 1,
    });
  });
});
