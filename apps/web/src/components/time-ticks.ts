/**
 * The time axis's ticks: on the hours, days and minutes of the reader's clock that d3's time scale would
 * pick (`scaleTime().ticks(count)`, https://d3js.org/d3-scale/time#time_ticks), and what they say in
 * the reader's locale. recharts is given them (its own are evenly spaced numbers: 08:00, 19:00, 06:00…),
 * and the server draws the first chart with them (chart-sketch.tsx) in the clock the browser told it,
 * so both show the same axis. d3 itself only knows the runtime's own zone, the server's, not the reader's.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

type Unit = "second" | "minute" | "hour" | "day" | "week";
const unitMs: Record<Unit, number> = { second: SECOND, minute: MINUTE, hour: HOUR, day: DAY, week: WEEK };

/** d3's tick intervals up to a week, shortest first. Our longest range is 7 days. */
const intervals: readonly [Unit, number][] = [
  ["second", 1],
  ["second", 5],
  ["second", 15],
  ["second", 30],
  ["minute", 1],
  ["minute", 5],
  ["minute", 15],
  ["minute", 30],
  ["hour", 1],
  ["hour", 3],
  ["hour", 6],
  ["hour", 12],
  ["day", 1],
  ["day", 2],
  ["week", 1],
];
const length = ([unit, step]: [Unit, number]) => unitMs[unit] * step;
/** About how many ticks an axis gets, as recharts' default. */
const TICK_COUNT = 5;

/** The reader's locale and time zone, as the browser reports them (clock-cookie.tsx carries them). */
export interface Clock {
  locale: string;
  zone: string;
}

/** A tick on the time axis: where (epoch ms) and what it says. */
export interface TimeTick {
  at: number;
  label: string;
}

/**
 * The interval d3 picks for `count` ticks over `span` ms: the one nearest, by ratio, to span / count.
 * Undefined past a week's ticks, which no range of ours needs.
 */
function tickInterval(span: number, count: number): [Unit, number] | undefined {
  const target = span / count;
  const i = intervals.findIndex((interval) => length(interval) > target);
  if (i === -1) return undefined;
  if (i === 0) return intervals[0];
  return target / length(intervals[i - 1]!) < length(intervals[i]!) / target ? intervals[i - 1] : intervals[i];
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far `zone`'s wall clock is ahead of UTC at `at`, in ms (Asia/Kolkata: 5.5 h). */
export function zoneOffset(zone: string, at: number): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    offsetFormats.set(zone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(part.year!, part.month! - 1, part.day, part.hour, part.minute, part.second);
  return wall - Math.floor(at / SECOND) * SECOND;
}

/**
 * Wall-clock times are handled as if they were UTC instants (so a local midnight is a multiple of a
 * day); days and weeks step on the wall clock, shorter units in real time (summer-time changes).
 */
const toWall = (at: number, zone: string) => at + zoneOffset(zone, at);

/** The wall-clock field d3 counts steps in: `every(6)` hours are the hours divisible by 6, and so on. */
function field(wall: number, unit: Unit): number {
  const date = new Date(wall);
  if (unit === "second") return date.getUTCSeconds();
  if (unit === "minute") return date.getUTCMinutes();
  if (unit === "hour") return date.getUTCHours();
  if (unit === "day") return date.getUTCDate() - 1;
  return 0;
}

/** The start of the unit holding `wall`: weeks start on Sunday, as d3's do. */
function floorWall(wall: number, unit: Unit): number {
  if (unit !== "week") return Math.floor(wall / unitMs[unit]) * unitMs[unit];
  const day = Math.floor(wall / DAY) * DAY;
  return day - new Date(day).getUTCDay() * DAY;
}

/** A local wall time as an instant: in a gap, the later side (as Date and d3 do); in an overlap, the first. */
function fromWallCompatible(wall: number, zone: string): number {
  const before = zoneOffset(zone, wall - DAY);
  const after = zoneOffset(zone, wall + DAY);
  const candidates = [wall - before, wall - after].filter((at) => toWall(at, zone) === wall);
  return candidates.length ? Math.min(...candidates) : wall - before;
}

/** The tick instants from `from` to `to` (both included) in `zone`, as d3's time scale picks them. */
export function timeTickTimes(from: number, to: number, zone: string, count = TICK_COUNT): number[] {
  const interval = tickInterval(to - from, count);
  if (!interval || !(to > from)) return [];
  const [unit, step] = interval;
  const ticks: number[] = [];
  if (unit === "day" || unit === "week") {
    for (let wall = floorWall(toWall(from, zone), unit); ; wall += unitMs[unit]) {
      const at = fromWallCompatible(wall, zone);
      if (at > to) break;
      if (at >= from && field(wall, unit) % step === 0 && at !== ticks[ticks.length - 1]) ticks.push(at);
    }
    return ticks;
  }
  // Seconds, minutes and hours are steps of real time (d3's offset), counted on the wall clock's field.
  // Floored on the wall clock again after each step, as d3's interval.range does (30-minute shifts).
  const floor = (at: number) => at - (toWall(at, zone) - floorWall(toWall(at, zone), unit));
  for (let at = floor(from); at <= to; at = floor(at + unitMs[unit])) {
    if (at >= from && field(toWall(at, zone), unit) % step === 0) ticks.push(at);
  }
  return ticks;
}

/**
 * The time axis's label format: the weekday and date for ticks a day or more apart, the weekday and
 * hour for a window over a day, the hour and minute within one. Both the browser's axis (no `clock`: its
 * own locale and zone) and the server's sketch (the reader's) use it.
 */
export function timeTickFormat([from, to]: [number, number], clock?: Clock): Intl.DateTimeFormat {
  const interval = tickInterval(to - from, TICK_COUNT);
  const options: Intl.DateTimeFormatOptions =
    interval && length(interval) >= DAY
      ? { weekday: "short", day: "numeric" }
      : to - from > DAY
        ? { weekday: "short", hour: "2-digit" }
        : { hour: "2-digit", minute: "2-digit" };
  return new Intl.DateTimeFormat(clock?.locale, { ...options, timeZone: clock?.zone });
}

/** The ticks recharts will draw over [from, to] for a reader on `clock`, with their labels. */
export function timeTicks(domain: [number, number], clock: Clock): TimeTick[] {
  const format = timeTickFormat(domain, clock);
  return timeTickTimes(domain[0], domain[1], clock.zone).map((at) => ({ at, label: format.format(at) }));
}

/** The cookie the browser keeps its clock in, for pages the server draws charts in (clock-cookie.tsx). */
export const CLOCK_COOKIE = "patronus-clock";

export const clockCookieValue = ({ locale, zone }: Clock) => encodeURIComponent(`${locale}|${zone}`);

/**
 * The clock a cookie names, or undefined for anything that is not a locale and a time zone this
 * runtime knows: the cookie comes from the browser, so anyone may have written it.
 */
export function parseClock(value: string | undefined): Clock | undefined {
  if (value === undefined || value.length > 200) return undefined;
  let locale: string, zone: string;
  try {
    [locale = "", zone = ""] = decodeURIComponent(value).split("|");
    if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length !== 1) return undefined;
    zone = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  return { locale, zone };
}
