/**
 * FlowDecoder: NetFlow v5, NetFlow v9 (RFC 3954) and IPFIX (RFC 7011) packets in, FlowRecords out, with the
 * template state of every exporter. Pure: no sockets, no timers; the caller passes the time.
 */
import { createFlowRecord, type FlowRecord } from "./flow-record";
import { announcedRate, decodeDataRecords, readOptionsRecords } from "./data-set";
import { decodeV5, V5_HEADER_LENGTH, V5_MAX_RECORDS, V5_RECORD_LENGTH } from "./netflow-v5";
import { compileReader, type RecordReader } from "./record-reader";
import { F_SAMPLING, F_SYS_INIT, MAX_SAMPLING_RATE } from "./field-kinds";
import { createSetContext, setIpfixUptimeBase, setV9UptimeBase, type SetContext } from "./set-context";
import { SET_HEADER_LENGTH, setsEnd, type SetHeader } from "./set-header";
import { ensureCompiled, packFields, type Template } from "./template";
import { readTemplateSet, readV9OptionsTemplateSet, type TemplateSetTarget } from "./template-sets";
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
  /** The header of the packet being decoded, filled in place: a held set takes a copy. */
  private readonly header: SetHeader = { exporter: "", version: 9, domain: 0, unixSecs: 0, sysUptime: 0 };
  private readonly templateTarget: TemplateSetTarget;

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
    this.templateTarget = {
      store: this.store,
      counters: this.counters,
      nowMs: 0,
      learned: (h, templateId) => {
        if (this.pending.size > 0) this.releasePending(h, templateId);
      },
      rejected: () => {
        this.malformed = true;
      },
    };
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
    this.templateTarget.nowMs = nowMs;
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
    // Fewer than 4 octets left after the last set are padding (RFC 3954 §5.3).
    if (setsEnd(dv, V9_HEADER_LENGTH, dv.byteLength) < 0) {
      this.malformed = true;
      return;
    }
    const h = this.header;
    h.exporter = exporter;
    h.version = 9;
    h.sysUptime = dv.getUint32(4);
    h.unixSecs = dv.getUint32(8);
    h.domain = dv.getUint32(16);
    this.readSets(dv, V9_HEADER_LENGTH, dv.byteLength, h);
  }

  private readIpfix(dv: DataView, exporter: string): void {
    if (dv.byteLength < IPFIX_HEADER_LENGTH) {
      this.malformed = true;
      return;
    }
    const length = dv.getUint16(2);
    // One message a datagram (RFC 7011 §10.3.2), made of whole sets (§3.1): any disagreement rejects it whole.
    if (length !== dv.byteLength || setsEnd(dv, IPFIX_HEADER_LENGTH, length) !== length) {
      this.malformed = true;
      return;
    }
    const h = this.header;
    h.exporter = exporter;
    h.version = 10;
    h.domain = dv.getUint32(12);
    h.unixSecs = 0;
    h.sysUptime = 0;
    this.readSets(dv, IPFIX_HEADER_LENGTH, length, h);
  }

  /** Walks the sets of one v9 packet or IPFIX message in [p, end), which `setsEnd` has checked. */
  private readSets(dv: DataView, p: number, end: number, h: SetHeader): void {
    while (p + SET_HEADER_LENGTH <= end) {
      const id = dv.getUint16(p);
      const len = dv.getUint16(p + 2);
      const start = p + SET_HEADER_LENGTH;
      // Once this source's share of the second's learning budget is spent, template sets are not even parsed: a flood costs
      // the framing walk only. Known templates keep decoding; their refreshes are taken again next second.
      if (id < 256 && !this.store.hasBudget(h.exporter, this.nowMs)) {
        this.counters.templatesThrottled++;
        p += len;
        continue;
      }
      if (id >= 256) this.dataSet(dv, start, p + len, h, id);
      else if (h.version === 9 && id === 0) readTemplateSet(dv, start, p + len, h, false, this.templateTarget);
      else if (h.version === 9 && id === 1) readV9OptionsTemplateSet(dv, start, p + len, h, this.templateTarget);
      else if (h.version === 10 && (id === 2 || id === 3))
        readTemplateSet(dv, start, p + len, h, id === 3, this.templateTarget);
      // Other ids below 256 are reserved (RFC 3954 §5.2, RFC 7011 §3.3.2): skipped.
      p += len;
    }
  }

  private dataSet(dv: DataView, start: number, end: number, h: SetHeader, templateId: number): void {
    const d = this.store.domain(h.exporter, h.version, h.domain);
    const t = d?.templates.get(templateId);
    if (d && t) {
      this.store.touch(d, t, this.nowMs);
      this.decodeSet(dv, start, end, d, t, h);
    } else this.hold(dv, start, end, h, templateId);
  }

  private decodeSet(dv: DataView, start: number, end: number, d: DomainState, t: Template, h: SetHeader): void {
    ensureCompiled(t);
    const c = this.ctx;
    c.malformed = false;
    c.insane = 0;
    c.rate = d.rate;
    if (d.version === 9) setV9UptimeBase(c, h.unixSecs, h.sysUptime);
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
  private hold(dv: DataView, start: number, end: number, h: SetHeader, templateId: number): void {
    if (this.maxPendingSets === 0) {
      this.counters.unknownTemplateSets++;
      return;
    }
    // Copies: the caller may reuse its receive buffer, and the header object is this decoder's.
    const bytes = new Uint8Array(end - start);
    bytes.set(new Uint8Array(dv.buffer, dv.byteOffset + start, end - start));
    this.counters.unknownTemplateSets += this.pending.add({
      header: { ...h },
      templateId,
      bytes,
      receivedMs: this.nowMs,
    });
    this.counters.setsHeld++;
    this.counters.setsPending = this.pending.size;
  }

  private releasePending(h: SetHeader, templateId: number): void {
    const oldest = this.nowMs - this.pendingMaxAgeMs;
    for (const s of this.pending.take(h, templateId)) {
      if (s.receivedMs < oldest) {
        this.counters.unknownTemplateSets++;
        continue;
      }
      const d = this.store.domain(h.exporter, h.version, h.domain)!;
      const t = d.templates.get(templateId)!;
      const dv = new DataView(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength);
      this.decodeSet(dv, 0, s.bytes.byteLength, d, t, s.header);
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
