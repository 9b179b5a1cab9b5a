import { describe, expect, it } from "vitest";
import { formatByteRate, formatBytes, formatCount, formatPacketRate, plural } from "./format";

describe("format", () => {
  it("groups digits and picks the singular only for exactly one", () => {
    expect(formatCount(1_234_567)).toBe("1,234,567");
    expect(plural(1, "entry", "entries")).toBe("1 entry");
    expect(plural(0, "entry", "entries")).toBe("0 entries");
    expect(plural(1_156, "path metric row")).toBe("1,156 path metric rows");
  });

  it("writes bytes whole below a kilobyte and with one decimal in SI units above", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(23_100)).toBe("23.1 kB");
    expect(formatBytes(30_000)).toBe("30.0 kB");
    expect(formatBytes(129_300_000_000)).toBe("129.3 GB");
    expect(formatBytes(2e18)).toBe("2,000.0 PB");
  });

  it("writes rates with their own units", () => {
    expect(formatPacketRate(0.2)).toBe("0.2 pkt/s");
    expect(formatPacketRate(12)).toBe("12 pkt/s");
    expect(formatPacketRate(2_400)).toBe("2.4 kpkt/s");
    expect(formatByteRate(3_400_000)).toBe("3.4 MB/s");
  });
});
