import { describe, expect, it } from "vitest";
import { formatBitRate, liveRates, type CounterReading } from "./policy-rates";

const reading = (at: number, counters: [id: string, packets: number, bytes: number][]): CounterReading => ({
  at,
  counters: new Map(counters.map(([id, packets, bytes]) => [id, { packets, bytes }])),
});

describe("liveRates", () => {
  it("divides each policy's rise by the time between the readings it spans", () => {
    const readings = [reading(0, [["1", 100, 10_000]]), reading(10_000, [["1", 600, 60_000]])];

    const { rates, spanMs } = liveRates(readings, 10_000);

    expect(spanMs).toBe(10_000);
    expect(rates.get("1")).toEqual({ packets_per_second: 50, bits_per_second: 40_000 });
  });

  it("measures from the newest reading at least the interval old, not the one just before", () => {
    const readings = [
      reading(0, [["1", 0, 0]]),
      reading(8_000, [["1", 0, 0]]),
      reading(10_000, [["1", 500, 0]]),
      reading(12_000, [["1", 600, 0]]),
    ];

    const { rates, spanMs } = liveRates(readings, 10_000);

    expect(spanMs).toBe(12_000);
    expect(rates.get("1")?.packets_per_second).toBe(50);
  });

  it("gives no rate for a counter that went down (a reset) or a policy the older reading lacks", () => {
    const readings = [
      reading(0, [["1", 500, 500]]),
      reading(10_000, [
        ["1", 20, 20],
        ["2", 5, 5],
      ]),
    ];

    const { rates } = liveRates(readings, 10_000);

    expect(rates.get("1")).toBeUndefined();
    expect(rates.get("2")).toBeUndefined();
  });

  it("gives no rates from a single reading, or from two of the same instant (a snapshot read twice)", () => {
    expect(liveRates([reading(0, [["1", 5, 5]])], 10_000).rates.size).toBe(0);
    expect(liveRates([reading(5, [["1", 5, 5]]), reading(5, [["1", 5, 5]])], 10_000).rates.size).toBe(0);
  });
});

describe("formatBitRate", () => {
  it("scales bits per second by thousands", () => {
    expect([0, 999, 40_000, 2_500_000, 3.2e9].map(formatBitRate)).toEqual([
      "0 bit/s",
      "999 bit/s",
      "40.0 kbit/s",
      "2.5 Mbit/s",
      "3.2 Gbit/s",
    ]);
  });
});
