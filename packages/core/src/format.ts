/**
 * How the dashboard writes numbers, the same on the server (messages, exports) and in the browser:
 * English digit grouping, SI units (1 kB = 1,000 B), one decimal once a unit is scaled, whole bytes.
 */
const grouped = new Intl.NumberFormat("en");
const oneDecimal = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOneDecimal = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/** 1234567 -> "1,234,567". */
export function formatCount(n: number): string {
  return grouped.format(n);
}

/** (1, "entry", "entries") -> "1 entry"; (40, "entry", "entries") -> "40 entries"; `many` defaults to one + "s". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${grouped.format(n)} ${n === 1 ? one : many}`;
}

/** A value in the first unit, scaled by thousands: one decimal once scaled; in the first unit as `first` writes it. */
function scaled(value: number, units: readonly string[], first: Intl.NumberFormat): string {
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${(unit === 0 ? first : oneDecimal).format(value)} ${units[unit]}`;
}

/** 23100 -> "23.1 kB". */
export const formatBytes = (bytes: number) => scaled(bytes, ["B", "kB", "MB", "GB", "TB", "PB"], grouped);
/** 3400000 -> "3.4 MB/s"; 0.25 -> "0.3 B/s". */
export const formatByteRate = (rate: number) => scaled(rate, ["B/s", "kB/s", "MB/s", "GB/s", "TB/s"], upToOneDecimal);
/** 2400 -> "2.4 kpkt/s"; 0.2 -> "0.2 pkt/s". */
export const formatPacketRate = (rate: number) => scaled(rate, ["pkt/s", "kpkt/s", "Mpkt/s", "Gpkt/s"], upToOneDecimal);
/** 2400000 -> "2.4 Mbit/s" (SI, as link speeds are written). */
export const formatBitRate = (rate: number) =>
  scaled(rate, ["bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"], upToOneDecimal);
