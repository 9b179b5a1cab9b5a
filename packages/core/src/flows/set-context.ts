/**
 * What decoding one data set needs besides its bytes and template: the time base for uptimes, the sampling
 * rate, and scratch for the current record. Its own module so that the plan walk (data-set.ts) and the
 * generated reader (record-reader.ts) share it without importing each other.
 */

/** Per-set inputs and per-record scratch, one object per decoder. */
export interface SetContext {
  /** Uptime to epoch: `refMs + ((uptime - refUptime) | 0)`; see setV9UptimeBase and setIpfixUptimeBase. */
  refMs: number;
  refUptime: number;
  uptimeOk: boolean;
  rate: number;
  /** Scratch written by sampling / system-init fields of the current record. */
  interval: number;
  space: number;
  sysInitMs: number;
  malformed: boolean;
  /** Records of the current set refused for impossible counts or an out-of-range sampling rate. */
  insane: number;
}

export function createSetContext(): SetContext {
  return {
    refMs: 0,
    refUptime: 0,
    uptimeOk: false,
    rate: 1,
    interval: 0,
    space: 0,
    sysInitMs: 0,
    malformed: false,
    insane: 0,
  };
}

const TWO_31 = 2147483648;
const TWO_32 = 4294967296;
/** Seconds from the NTP epoch (1900) to the Unix epoch. */
const NTP_UNIX_OFFSET = 2208988800;

/**
 * NetFlow v9 uptimes are relative to the header's sysUptime and unix_secs (RFC 3954 §5.1); the signed
 * difference survives the 49.7-day wrap of the 32-bit uptime.
 */
export function setV9UptimeBase(c: SetContext, unixSecs: number, sysUptime: number): void {
  c.refMs = unixSecs * 1000;
  c.refUptime = sysUptime;
  c.uptimeOk = true;
}

/**
 * IPFIX flowStart/EndSysUpTime are relative to systemInitTimeMilliseconds (IANA IE 21/22, 160), an unsigned
 * 32-bit offset: shifting both sides by 2^31 lets the same signed formula as v9 cover the whole range.
 */
export function setIpfixUptimeBase(c: SetContext, sysInitMs: number): void {
  c.refMs = sysInitMs + TWO_31;
  c.refUptime = TWO_31;
  c.uptimeOk = sysInitMs > 0;
}

/**
 * dateTimeMicro/Nanoseconds are NTP timestamps (RFC 7011 §6.1.9); seconds below 2^31 are in NTP era 1 (2036+).
 * The fraction is rounded to whole microseconds before truncating to ms: exporters encode a whole ms as a
 * binary fraction just below it.
 */
export function ntpToMs(dv: DataView, o: number): number {
  const sec = dv.getUint32(o);
  const era = sec < TWO_31 ? TWO_32 : 0;
  return (sec + era - NTP_UNIX_OFFSET) * 1000 + Math.floor(Math.round(dv.getUint32(o + 4) / 4294.967296) / 1000);
}
