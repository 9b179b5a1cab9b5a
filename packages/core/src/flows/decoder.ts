/**
 * FlowDecoder: NetFlow v5, NetFlow v9 (RFC 3954) and IPFIX (RFC 7011) packets in, FlowRecords out, with the
 * template state of every exporter. Pure: no sockets, no timers; the caller passes the time.
 */
import { createFlowRecord, type FlowRecord } from "./flow-record";
import {
  announcedRate,
  createSetContext,
  decodeDataRecords,
  readOptionsRecords,
  setIpfixUptimeBase,
  setV9UptimeBase,
  type SetContext,
} from "./data-set";
import { decodeV5, V5_HEADER_LENGTH, V5_MAX_RECORDS, V5_RECORD_LENGTH } from "./netflow-v5";
import { compileReader, type RecordReader } from "./record-reader";
import { F_SAMPLING, F_SYS_INIT, MAX_SAMPLING_RATE } from "./field-kinds";
import { ensureCompiled, MAX_TEMPLATE_FIELDS, packFields, type Template } from "./template";
import { TemplateStore, type DomainState, type TemplateChanges, type TemplateCounters } from "./template-store";
import { templateSnapshotSchema, type TemplateSnapshot } from "./template-snapshot";
import { PendingSets } from "./pending-sets";

export interface DecoderOptions {
  /**
   * Templates kept over all exporters. Past it, the exporter holding the most gives up its least recently
   * used one (counted as evicted). Default 10,000.
   */
  maxTemplates?: number;
  /** Templates kept per (exporter, domain); past it, the domain's least recently used is replaced. Default 256. */
  maxTemplatesPerDomain?: number;
  /** A template neither used nor refreshed for this long expires (RFC 7011 §8.4). Default 1 hour. */
  templateIdleMs?: number;
  /**
   * New or changed template definitions accepted a second, each exporter at most a fair share (docs/operations.md,
   * "Flow templates"); beyond, they are refused (counted as throttled) until the next second. Identical
   * refreshes and templates read back from storage are not counted. Default 2,000.
   */
  maxTemplateChangesPerSecond?: number;
  /**
   * Data sets held while their template is unknown; beyond, the exporter holding the most drops its oldest.
   * Default 256, 0 disables.
   */
  maxPendingSets?: number;
  /** A held data set is dropped when its template has not arrived after this long. Default 30 s. */
  pendingMaxAgeMs?: number;
}

/** Running totals since the decoder was created, for the collector's status page. */
export interface DecoderCounters extends TemplateCounters {
  packets: number;
  records: number;
  /** Options records read (sampling, system init time, and others that are skipped). */
  optionsRecords: number;
  /** Packets with a framing fault (a header that disagrees with the size): rejected whole, nothing of them counted. */
  malformedPackets: number;
  unsupportedVersion: number;
  /** Records refused: octets impossible for their packets, counts above the per-record bounds, or a sampling rate out of range (also in options). */
  insaneRecords: number;
  /** Data sets dropped because their template never arrived (held too long, evicted, or holding disabled). */
  unknownTemplateSets: number;
  /** Data sets ever held waiting for their template. */
  setsHeld: number;
  /** Data sets held right now. */
  setsPending: number;
}

export type DecodeStatus = "ok" | "malformed" | "unsupported-version";

export interface DecodeResult {
  /** The header's version (5, 9, 10, or the unsupported number read); 0 for a packet shorter than 2 octets. */
  version: number;
  /** Records passed to onRecord during this call, including held sets that a template in it released. */
  records: number;
  status: DecodeStatus;
}

const V9_HEADER_LENGTH = 20;
const IPFIX_HEADER_LENGTH = 16;
const SET_HEADER_LENGTH = 4;
/**
 * Templates with the same plan (the same model of exporter, many devices) share one generated reader; the
 * bound keeps a stream of garbage templates from growing the cache.
 */
const MAX_CACHED_READERS = 1024;
/** How often held sets are looked over for age; one is also checked when its template releases it. */
const PENDING_SWEEP_INTERVAL_MS = 1000;

export class FlowDecoder {
  readonly counters: DecoderCounters = {
    packets: 0,
    records: 0,
    optionsRecords: 0,
    malformedPackets: 0,
    unsupportedVersion: 0,
    insaneRecords: 0,
    unknownTemplateSets: 0,
    setsHeld: 0,
    setsPending: 0,
    templatesLearned: 0,
    templatesWithdrawn: 0,
    templatesRejected: 0,
    templatesEvicted: 0,
    templatesExpired: 0,
    templatesThrottled: 0,
    templates: 0,
  };

  private readonly record: FlowRecord = createFlowRecord();
  private readonly ctx: SetContext = createSetContext();
  private readonly store: TemplateStore;
  private readonly pending: PendingSets;
  private nextPendingSweepMs = 0;
  private readonly readers = new Map<string, RecordReader>();
  private readonly maxPendingSets: number;
  private readonly pendingMaxAgeMs: number;

  // State of the decode() call in progress, kept here rather than passed down every helper.
  private onRecord: (r: FlowRecord) => void = noop;
  private emitted = 0;
  private malformed = false;
  private nowMs = 0;
  private optionsTarget: DomainState | undefined;
  private optionsFlags = 0;

  constructor(options: DecoderOptions = {}) {
    this.store = new TemplateStore(
      {
        maxTemplates: options.maxTemplates ?? 10_000,
        maxTemplatesPerDomain: options.maxTemplatesPerDomain ?? 256,
        templateIdleMs: options.templateIdleMs ?? 60 * 60_000,
        maxTemplateChangesPerSecond: options.maxTemplateChangesPerSecond ?? 2_000,
      },
      this.counters,
    );
    this.maxPendingSets = options.maxPendingSets ?? 256;
    this.pending = new PendingSets(this.maxPendingSets);
    this.pendingMaxAgeMs = options.pendingMaxAgeMs ?? 30_000;
  }

  /**
   * Decodes one export packet from `exporter` (an opaque key, e.g. the source address), calling `onRecord`
   * once per flow record. The record object is reused for every call: copy what you keep. Never throws on
   * bad input; faults are counted and reported in the result.
   */
  decode(bytes: Uint8Array, exporter: string, nowMs: number, onRecord: (r: FlowRecord) => void): DecodeResult {
    this.counters.packets++;
    this.onRecord = onRecord;
    this.emitted = 0;
    this.malformed = false;
    this.nowMs = nowMs;
    this.expirePending();
    this.store.expire(nowMs);

    let version = 0;
    let status: DecodeStatus = "ok";
    if (bytes.byteLength < 2) {
      this.malformed = true;
    } else {
      const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      version = dv.getUint16(0);
      if (version === 5) this.readV5(dv);
      else if (version === 9) this.readV9(dv, exporter);
      else if (version === 10) this.readIpfix(dv, exporter);
      else status = "unsupported-version";
    }
    if (status === "unsupported-version") this.counters.unsupportedVersion++;
    else if (this.malformed) {
      status = "malformed";
      this.counters.malformedPackets++;
    }
    this.counters.records += this.emitted;
    this.onRecord = noop;
    return { version, records: this.emitted, status };
  }

  /** Every template known, with its domain's sampling state, as plain data. */
  exportTemplates(): TemplateSnapshot[] {
    return this.store.snapshots();
  }

  /**
   * Templates added, changed, withdrawn, evicted or expired since the last call, at most `limit` of them: what
   * to write to storage (the rest come with the next calls). After a failed write, call `markAllTemplatesChanged`.
   */
  takeTemplateChanges(limit = 2000): TemplateChanges {
    return this.store.takeChanges(limit);
  }

  /** Template changes noted since the decoder was created (a domain counts once until taken): bounds the work of tracking them. */
  get templateChangeMarks(): number {
    return this.store.changeMarks;
  }

  /** Makes the next `takeTemplateChanges` start over with every template, replacing what storage holds. */
  markAllTemplatesChanged(): void {
    this.store.markAllChanged();
  }

  /**
   * Loads snapshots read back from storage after a restart, under the same bounds as templates from the wire;
   * invalid entries are skipped, and each template's lifetime starts at `nowMs`. Returns how many were loaded.
   * A template later received on the wire replaces an imported one.
   */
  importTemplates(snapshots: readonly TemplateSnapshot[], nowMs = 0): number {
    let loaded = 0;
    for (const raw of snapshots) {
      const parsed = templateSnapshotSchema.safeParse(raw);
      if (!parsed.success) continue;
      const s = parsed.data;
      if (!this.store.learn(s, packFields(s.fields), s.options, s.scopeFieldCount, nowMs, true)) continue;
      const d = this.store.domain(s.exporter, s.version, s.domain)!;
      d.rate = s.samplingRate;
      d.systemInitMs = s.systemInitMs;
      loaded++;
    }
    return loaded;
  }

  private readV5(dv: DataView): void {
    // nfcapd's rule: at most 30 records, and exactly as many as the datagram holds; anything else is rejected whole.
    const count = dv.byteLength >= V5_HEADER_LENGTH ? dv.getUint16(2) : -1;
    if (count < 0 || count > V5_MAX_RECORDS || dv.byteLength !== V5_HEADER_LENGTH + count * V5_RECORD_LENGTH) {
      this.malformed = true;
      return;
    }
    const emitted = decodeV5(dv, this.record, this.onRecord);
    this.counters.insaneRecords += count - emitted;
    this.emitted += emitted;
  }

  private readV9(dv: DataView, exporter: string): void {
    if (dv.byteLength < V9_HEADER_LENGTH) {
      this.malformed = true;
      return;
    }
    const sysUptime = dv.getUint32(4);
    const unixSecs = dv.getUint32(8);
    const sourceId = dv.getUint32(16);
    // Fewer than 4 octets left after the last set are padding (RFC 3954 §5.3).
    if (setsEnd(dv, V9_HEADER_LENGTH, dv.byteLength) < 0) {
      this.malformed = true;
      return;
    }
    this.readSets(dv, V9_HEADER_LENGTH, dv.byteLength, exporter, 9, sourceId, unixSecs, sysUptime);
  }

  private readIpfix(dv: DataView, exporter: string): void {
    if (dv.byteLength < IPFIX_HEADER_LENGTH) {
      this.malformed = true;
      return;
    }
    const length = dv.getUint16(2);
    const domain = dv.getUint32(12);
    // One message a datagram (RFC 7011 §10.3.2), made of whole sets (§3.1): any disagreement rejects it whole.
    if (length !== dv.byteLength || setsEnd(dv, IPFIX_HEADER_LENGTH, length) !== length) {
      this.malformed = true;
      return;
    }
    this.readSets(dv, IPFIX_HEADER_LENGTH, length, exporter, 10, domain, 0, 0);
  }

  /** Walks the sets of one v9 packet or IPFIX message in [p, end), which `setsEnd` has checked. */
  private readSets(
    dv: DataView,
    p: number,
    end: number,
    exporter: string,
    version: 9 | 10,
    domain: number,
    unixSecs: number,
    sysUptime: number,
  ): void {
    while (p + SET_HEADER_LENGTH <= end) {
      const id = dv.getUint16(p);
      const len = dv.getUint16(p + 2);
      const start = p + SET_HEADER_LENGTH;
      // Once this source's share of the second's learning budget is spent, template sets are not even parsed: a flood costs
      // the framing walk only. Known templates keep decoding; their refreshes are taken again next second.
      if (id < 256 && !this.store.hasBudget(exporter, this.nowMs)) {
        this.counters.templatesThrottled++;
        p += len;
        continue;
      }
      if (id >= 256) this.dataSet(dv, start, p + len, exporter, version, domain, id, unixSecs, sysUptime);
      else if (version === 9 && id === 0) this.readTemplateSet(dv, start, p + len, exporter, 9, domain, false);
      else if (version === 9 && id === 1) this.readV9OptionsTemplateSet(dv, start, p + len, exporter, domain);
      else if (version === 10 && (id === 2 || id === 3))
        this.readTemplateSet(dv, start, p + len, exporter, 10, domain, id === 3);
      // Other ids below 256 are reserved (RFC 3954 §5.2, RFC 7011 §3.3.2): skipped.
      p += len;
    }
  }

  /**
   * Template sets (v9 flowset 0, IPFIX sets 2 and 3). Stops at the first malformed record: later ones in the
   * set cannot be located. A zero template id in the remainder is padding.
   */
  private readTemplateSet(
    dv: DataView,
    start: number,
    end: number,
    exporter: string,
    version: 9 | 10,
    domain: number,
    options: boolean,
  ): void {
    let p = start;
    while (p + 4 <= end) {
      const templateId = dv.getUint16(p);
      const count = dv.getUint16(p + 2);
      if (templateId === 0 && count === 0) return;
      p += 4;
      if (count === 0 && version === 10) {
        this.store.withdraw(exporter, domain, templateId, options);
        continue;
      }
      if (templateId < 256 || count === 0 || count > MAX_TEMPLATE_FIELDS) return this.rejectTemplate();
      let scopeFieldCount = 0;
      if (options) {
        if (p + 2 > end) return this.rejectTemplate();
        scopeFieldCount = dv.getUint16(p);
        p += 2;
        // RFC 7011 §3.4.2.2: the scope field count must not be zero.
        if (scopeFieldCount === 0 || scopeFieldCount > count) return this.rejectTemplate();
      }
      // A refresh of a known template, or one past this second's budget, costs no allocation: floods are cheap.
      const fieldsAt = p;
      p = fieldsEnd(dv, p, end, count, version);
      if (p < 0) return this.rejectTemplate();
      const d = this.store.domain(exporter, version, domain);
      const known = d?.templates.get(templateId);
      if (
        known &&
        known.options === options &&
        known.scopeFieldCount === scopeFieldCount &&
        known.fieldSpecs.length === count * 3 &&
        sameWireFields(dv, fieldsAt, version, known.fieldSpecs)
      ) {
        this.store.touch(d!, known, this.nowMs);
        continue;
      }
      if (!this.store.hasBudget(exporter, this.nowMs)) {
        this.counters.templatesThrottled++;
        continue;
      }
      // Straight into the template's (id, length, enterprise or -1) triples: no object a field.
      const specs: number[] = [];
      for (let i = 0, q = fieldsAt; i < count; i++) {
        const id = dv.getUint16(q);
        const length = dv.getUint16(q + 2);
        q += 4;
        // The enterprise bit exists in IPFIX only (RFC 7011 §3.2); v9 has no such bit.
        if (version === 10 && id & 0x8000) {
          specs.push(id & 0x7fff, length, dv.getUint32(q));
          q += 4;
        } else {
          specs.push(id, length, -1);
        }
      }
      this.learn(exporter, version, domain, templateId, specs, options, scopeFieldCount);
    }
  }

  /** v9 options templates give scope and option lengths in octets, not counts (RFC 3954 §6.1). */
  private readV9OptionsTemplateSet(dv: DataView, start: number, end: number, exporter: string, domain: number): void {
    let p = start;
    while (p + 6 <= end) {
      const templateId = dv.getUint16(p);
      const scopeLength = dv.getUint16(p + 2);
      const optionLength = dv.getUint16(p + 4);
      if (templateId === 0) return;
      p += 6;
      const count = (scopeLength + optionLength) / 4;
      if (templateId < 256 || scopeLength % 4 !== 0 || optionLength % 4 !== 0 || count === 0)
        return this.rejectTemplate();
      if (count > MAX_TEMPLATE_FIELDS || p + count * 4 > end) return this.rejectTemplate();
      const specs: number[] = [];
      for (let i = 0; i < count; i++, p += 4) specs.push(dv.getUint16(p), dv.getUint16(p + 2), -1);
      this.learn(exporter, 9, domain, templateId, specs, true, scopeLength / 4);
    }
  }

  private rejectTemplate(): void {
    this.malformed = true;
    this.counters.templatesRejected++;
  }

  private learn(
    exporter: string,
    version: 9 | 10,
    domain: number,
    templateId: number,
    specs: number[],
    options: boolean,
    scopeFieldCount: number,
  ): void {
    const stored = this.store.learn(
      { exporter, version, domain, templateId },
      specs,
      options,
      scopeFieldCount,
      this.nowMs,
    );
    if (stored === null) return;
    if (stored === undefined) {
      this.rejectTemplate();
      return;
    }
    if (this.pending.size > 0) this.releasePending(exporter, version, domain, templateId);
  }

  private dataSet(
    dv: DataView,
    start: number,
    end: number,
    exporter: string,
    version: 9 | 10,
    domain: number,
    templateId: number,
    unixSecs: number,
    sysUptime: number,
  ): void {
    const d = this.store.domain(exporter, version, domain);
    const t = d?.templates.get(templateId);
    if (d && t) {
      this.store.touch(d, t, this.nowMs);
      this.decodeSet(dv, start, end, d, t, unixSecs, sysUptime);
    } else this.hold(dv, start, end, exporter, version, domain, templateId, unixSecs, sysUptime);
  }

  private decodeSet(
    dv: DataView,
    start: number,
    end: number,
    d: DomainState,
    t: Template,
    unixSecs: number,
    sysUptime: number,
  ): void {
    ensureCompiled(t);
    const c = this.ctx;
    c.malformed = false;
    c.insane = 0;
    c.rate = d.rate;
    if (d.version === 9) setV9UptimeBase(c, unixSecs, sysUptime);
    else setIpfixUptimeBase(c, d.systemInitMs);
    if (t.options) {
      this.optionsTarget = d;
      this.optionsFlags = t.flags;
      this.counters.optionsRecords += readOptionsRecords(dv, start, end, t, c, this.record, this.applyOptions);
      this.optionsTarget = undefined;
    } else {
      // Compiled on first use, so that template floods and refreshes cost no code generation.
      t.reader ??= this.readerFor(t);
      this.emitted += decodeDataRecords(dv, start, end, t, c, this.record, this.onRecord);
    }
    if (c.malformed) this.malformed = true;
    this.counters.insaneRecords += c.insane;
  }

  private readerFor(t: Template): RecordReader {
    const key = `${t.fixedLength}:${t.minLength}:${t.flags}:${t.plan.join(",")}`;
    let reader = this.readers.get(key);
    if (!reader) {
      reader = compileReader(t.plan, t.fixedLength, t.minLength, t.flags);
      if (this.readers.size < MAX_CACHED_READERS) this.readers.set(key, reader);
    }
    return reader;
  }

  /**
   * Sampling and system init time are remembered per exporter domain from the latest options record that
   * carries them; scope (interface, selector id) is not told apart.
   */
  private readonly applyOptions = (c: SetContext): void => {
    const d = this.optionsTarget!;
    const { rate, systemInitMs } = d;
    if (this.optionsFlags & F_SAMPLING) {
      const announced = announcedRate(c, this.optionsFlags);
      // An absurd rate is not believed: the domain keeps the one it had.
      if (announced > MAX_SAMPLING_RATE) c.insane++;
      else d.rate = announced || 1;
    }
    if (this.optionsFlags & F_SYS_INIT && c.sysInitMs > 0) d.systemInitMs = c.sysInitMs;
    if (d.rate !== rate || d.systemInitMs !== systemInitMs) this.store.domainChanged(d);
  };

  /** Data sets that arrive before their template (common over UDP: RFC 7011 §8.4) wait, bounded per exporter. */
  private hold(
    dv: DataView,
    start: number,
    end: number,
    exporter: string,
    version: 9 | 10,
    domain: number,
    templateId: number,
    unixSecs: number,
    sysUptime: number,
  ): void {
    if (this.maxPendingSets === 0) {
      this.counters.unknownTemplateSets++;
      return;
    }
    // A copy: the caller may reuse its receive buffer.
    const bytes = new Uint8Array(end - start);
    bytes.set(new Uint8Array(dv.buffer, dv.byteOffset + start, end - start));
    this.counters.unknownTemplateSets += this.pending.add({
      exporter,
      version,
      domain,
      templateId,
      bytes,
      receivedMs: this.nowMs,
      unixSecs,
      sysUptime,
    });
    this.counters.setsHeld++;
    this.counters.setsPending = this.pending.size;
  }

  private releasePending(exporter: string, version: 9 | 10, domain: number, templateId: number): void {
    const oldest = this.nowMs - this.pendingMaxAgeMs;
    for (const s of this.pending.take(exporter, version, domain, templateId)) {
      if (s.receivedMs < oldest) {
        this.counters.unknownTemplateSets++;
        continue;
      }
      const d = this.store.domain(exporter, version, domain)!;
      const t = d.templates.get(templateId)!;
      const dv = new DataView(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength);
      this.decodeSet(dv, 0, s.bytes.byteLength, d, t, s.unixSecs, s.sysUptime);
    }
    this.counters.setsPending = this.pending.size;
  }

  private expirePending(): void {
    if (this.nowMs < this.nextPendingSweepMs) return;
    this.nextPendingSweepMs = this.nowMs + PENDING_SWEEP_INTERVAL_MS;
    this.counters.unknownTemplateSets += this.pending.expire(this.nowMs - this.pendingMaxAgeMs);
    this.counters.setsPending = this.pending.size;
  }
}

function noop(): void {}

/** Where the `count` field specifiers at `p` end, or -1 when they run past `end`. */
function fieldsEnd(dv: DataView, p: number, end: number, count: number, version: 9 | 10): number {
  for (let i = 0; i < count; i++) {
    if (p + 4 > end) return -1;
    const enterprise = version === 10 && dv.getUint16(p) & 0x8000;
    p += enterprise ? 8 : 4;
  }
  return p > end ? -1 : p;
}

/** Whether the field specifiers at `p` are those of `specs` (as packed by the template). */
function sameWireFields(dv: DataView, p: number, version: 9 | 10, specs: readonly number[]): boolean {
  for (let i = 0; i < specs.length; i += 3) {
    const raw = dv.getUint16(p);
    const enterprise = version === 10 && raw & 0x8000;
    if ((enterprise ? raw & 0x7fff : raw) !== specs[i] || dv.getUint16(p + 2) !== specs[i + 1]) return false;
    if ((enterprise ? dv.getUint32(p + 4) : -1) !== specs[i + 2]) return false;
    p += enterprise ? 8 : 4;
  }
  return true;
}

/**
 * Where the sets starting at `p` end, or -1 when one is shorter than its header or runs past `end`: checked
 * before anything is decoded, so a datagram with a bad frame is rejected whole. Bounded: every set advances p
 * by at least its 4-octet header.
 */
function setsEnd(dv: DataView, p: number, end: number): number {
  while (p + SET_HEADER_LENGTH <= end) {
    const len = dv.getUint16(p + 2);
    if (len < SET_HEADER_LENGTH || p + len > end) return -1;
    p += len;
  }
  return p;
}
