/** One reading of the live counters, as the policies query returns them, keyed by policy id. */
export interface CounterReading {
  /** When the collector took the figures (traffic_stats.at), epoch ms. */
  at: number;
  counters: Map<string, { packets: number; bytes: number }>;
}

export interface LiveRate {
  packets_per_second: number;
  bits_per_second: number;
}

/**
 * Rates over the last interval from successive readings (oldest first): each policy's rise from the newest
 * reading at least `intervalMs` older than the last one, over the time between them. Readings only 2 s apart
 * would show the bursts in which exporters send records, not a rate. A counter that went down was reset: no
 * rate until the next interval.
 */
export function liveRates(
  readings: readonly CounterReading[],
  intervalMs: number,
): { rates: Map<string, LiveRate>; spanMs: number } {
  const rates = new Map<string, LiveRate>();
  const last = readings.at(-1);
  if (!last) return { rates, spanMs: 0 };
  const base = readings.findLast((r) => last.at - r.at >= intervalMs) ?? readings[0]!;
  const spanMs = last.at - base.at;
  if (spanMs <= 0) return { rates, spanMs: 0 };
  for (const [id, now] of last.counters) {
    const before = base.counters.get(id);
    if (!before || now.packets < before.packets || now.bytes < before.bytes) continue;
    rates.set(id, {
      packets_per_second: ((now.packets - before.packets) * 1000) / spanMs,
      bits_per_second: ((now.bytes - before.bytes) * 8 * 1000) / spanMs,
    });
  }
  return { rates, spanMs };
}

const whole = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const BIT_UNITS = ["bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"];

/** 2500000 -> "2.5 Mbit/s": links are sold in bits per second, so the live rate is said in them. */
export function formatBitRate(bitsPerSecond: number): string {
  let value = bitsPerSecond;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < BIT_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${(unit === 0 ? whole : oneDecimal).format(value)} ${BIT_UNITS[unit]}`;
}
