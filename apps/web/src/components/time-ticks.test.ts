import { describe, expect, it } from "vitest";
import { clockCookieValue, parseClock, timeTicks, timeTickTimes, zoneOffset } from "./time-ticks";

const HOUR = 3_600_000;
const iso = (at: number) => new Date(at).toISOString();
const ticksIso = (from: string, to: string, zone: string) =>
  timeTickTimes(Date.parse(from), Date.parse(to), zone).map(iso);

describe("zoneOffset", () => {
  it("gives a zone's lead on UTC, half hours and summer time included", () => {
    expect(zoneOffset("UTC", Date.parse("2026-11-30T12:00:00Z"))).toBe(0);
    expect(zoneOffset("Asia/Kolkata", Date.parse("2026-11-30T12:00:00Z"))).toBe(5.5 * HOUR);
    expect(zoneOffset("Europe/Berlin", Date.parse("2026-07-01T12:00:00Z"))).toBe(2 * HOUR);
    expect(zoneOffset("Europe/Berlin", Date.parse("2026-11-30T12:00:00Z"))).toBe(HOUR);
    expect(zoneOffset("America/New_York", Date.parse("2026-11-30T12:00:00.750Z"))).toBe(-5 * HOUR);
  });
});

describe("timeTickTimes", () => {
  it("puts a day's ticks every 6 hours of the reader's clock, as d3's time scale does", () => {
    expect(ticksIso("2026-11-29T13:07:00Z", "2026-11-30T13:07:00Z", "UTC")).toEqual([
      "2026-11-29T18:00:00.000Z",
      "2026-11-30T00:00:00.000Z",
      "2026-11-30T06:00:00.000Z",
      "2026-11-30T12:00:00.000Z",
    ]);
    // Kolkata's 00:00, 06:00, 12:00 and 18:00 fall on the half hour in UTC.
    expect(ticksIso("2026-11-29T13:07:00Z", "2026-11-30T13:07:00Z", "Asia/Kolkata")).toEqual([
      "2026-11-29T18:30:00.000Z",
      "2026-11-30T00:30:00.000Z",
      "2026-11-30T06:30:00.000Z",
      "2026-11-30T12:30:00.000Z",
    ]);
  });

  it("keeps to the wall clock across a change to winter time", () => {
    // Berlin leaves summer time at 03:00 local on 25 October 2026 (01:00 UTC).
    expect(ticksIso("2026-10-24T21:00:00Z", "2026-10-25T21:00:00Z", "Europe/Berlin")).toEqual([
      "2026-10-24T22:00:00.000Z", // 00:00 summer time
      "2026-10-25T05:00:00.000Z", // 06:00 winter time
      "2026-10-25T11:00:00.000Z",
      "2026-10-25T17:00:00.000Z",
    ]);
  });

  it("gives each instant once, in order, where the clock jumps forward or repeats an hour", () => {
    const spring = ticksIso("2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z", "America/New_York");
    expect(spring).toEqual([...new Set(spring)].sort());
    // Berlin's first pass through 02:00-03:00 on 25 October 2026 still has its 5 minutes.
    expect(ticksIso("2026-10-25T00:10:00Z", "2026-10-25T00:25:00Z", "Europe/Berlin")).toEqual([
      "2026-10-25T00:10:00.000Z",
      "2026-10-25T00:15:00.000Z",
      "2026-10-25T00:20:00.000Z",
      "2026-10-25T00:25:00.000Z",
    ]);
    // Santiago moves its clock at midnight: one tick per day, none twice.
    const week = timeTicks([Date.parse("2026-09-02T12:00:00Z"), Date.parse("2026-09-09T12:00:00Z")], {
      locale: "en-GB",
      zone: "America/Santiago",
    }).map((t) => t.label);
    expect(new Set(week).size).toBe(week.length);
    expect(week).toHaveLength(7);
  });

  it("picks 5 min, 15 min and whole days for the 15 min, 1 h and 7 d views, ends included", () => {
    expect(ticksIso("2026-11-30T12:00:00Z", "2026-11-30T12:15:00Z", "UTC")).toEqual([
      "2026-11-30T12:00:00.000Z",
      "2026-11-30T12:05:00.000Z",
      "2026-11-30T12:10:00.000Z",
      "2026-11-30T12:15:00.000Z",
    ]);
    expect(ticksIso("2026-11-30T11:01:00Z", "2026-11-30T12:01:00Z", "UTC")).toEqual([
      "2026-11-30T11:15:00.000Z",
      "2026-11-30T11:30:00.000Z",
      "2026-11-30T11:45:00.000Z",
      "2026-11-30T12:00:00.000Z",
    ]);
    const week = ticksIso("2026-11-23T09:00:00Z", "2026-11-30T09:00:00Z", "America/New_York");
    expect(week).toHaveLength(7);
    expect(week[0]).toBe("2026-11-24T05:00:00.000Z"); // New York's midnight
  });

  it("gives no ticks for an empty or reversed window", () => {
    expect(timeTickTimes(5, 5, "UTC")).toEqual([]);
    expect(timeTickTimes(10, 5, "UTC")).toEqual([]);
  });
});

describe("timeTicks", () => {
  it("labels the ticks in the reader's locale and zone: hours within a day, weekday and date for days", () => {
    const domain: [number, number] = [Date.parse("2026-11-29T13:07:00Z"), Date.parse("2026-11-30T13:07:00Z")];
    expect(timeTicks(domain, { locale: "en-GB", zone: "Asia/Kolkata" }).map((t) => t.label)).toEqual([
      "00:00",
      "06:00",
      "12:00",
      "18:00",
    ]);
    const week: [number, number] = [Date.parse("2026-11-23T09:00:00Z"), Date.parse("2026-11-30T09:00:00Z")];
    expect(timeTicks(week, { locale: "en-GB", zone: "Europe/Berlin" }).map((t) => t.label)).toEqual([
      "Tue 24",
      "Wed 25",
      "Thu 26",
      "Fri 27",
      "Sat 28",
      "Sun 29",
      "Mon 30",
    ]);
  });
});

describe("parseClock", () => {
  it("reads back what the browser wrote", () => {
    const clock = { locale: "de-DE", zone: "Europe/Berlin" };
    expect(parseClock(clockCookieValue(clock))).toEqual(clock);
  });

  it("refuses a cookie that names no known locale or zone", () => {
    for (const value of [
      undefined,
      "",
      "en-US",
      "en-US|Mars/Olympus",
      "not a locale!|UTC",
      "%E0%A4%A|UTC",
      `en-US|${"x".repeat(300)}`,
    ]) {
      expect(parseClock(value), String(value)).toBeUndefined();
    }
  });
});
