import { describe, expect, it } from "vitest";
import { formatTime } from "./site-format";

describe("formatTime", () => {
  it("writes a measurement time with its time zone", () => {
    const at = Date.UTC(2026, 10, 30, 13, 5);
    // The zone's name depends on the machine running the test; Intl says which it is here.
    const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: "short" })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName")!.value;
    const shown = formatTime(at);
    expect(shown).toContain("2026");
    expect(shown).toContain(":05");
    expect(shown).toContain(zone);
  });
});
