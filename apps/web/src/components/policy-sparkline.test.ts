import { describe, expect, it } from "vitest";
import { sparklineSummary } from "./policy-sparkline";

describe("sparklineSummary", () => {
  it("says the peak and the latest recorded minute", () => {
    expect(sparklineSummary([0, 2400, 1200], 15)).toBe("Last 15 min: peak 2.4 kpkt/s, last recorded minute 1.2 kpkt/s");
  });

  it("says when minutes are missing, and when nothing was recorded at all", () => {
    expect(sparklineSummary([null, 5, null], 15)).toBe(
      "Last 15 min: peak 5 pkt/s, last recorded minute 5 pkt/s, with gaps (nothing recorded)",
    );
    expect(sparklineSummary([null, null], 15)).toBe("Last 15 min: nothing recorded");
  });
});
