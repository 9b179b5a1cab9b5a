import { describe, expect, it } from "vitest";
import { hitRateText, nothingToClear } from "./cache-panel";

describe("the caches page's figures", () => {
  it("shows the hit rate as — before the first lookup, not as 0 %", () => {
    expect(hitRateText({ hits: 0, misses: 0, hit_rate: 0 })).toBe("—");
  });

  it("shows a real 0 % once lookups have all missed", () => {
    expect(hitRateText({ hits: 0, misses: 3, hit_rate: 0 })).toBe("0%");
    expect(hitRateText({ hits: 1, misses: 3, hit_rate: 0.25 })).toBe("25%");
  });

  it("offers no clearing of 0 entries, and says why", () => {
    expect(nothingToClear(0)).toBe("Nothing to clear: every cache is empty.");
    expect(nothingToClear(1)).toBeUndefined();
  });
});
