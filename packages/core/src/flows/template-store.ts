/**
 * The templates of every exporter, bounded so that no sender can exhaust or bloat them (docs/operations.md,
 * "Flow templates"): a cap per (exporter, domain) past which the least recently used template is replaced, an
 * idle lifetime (RFC 7011 §8.4), and a global bound past which the exporter holding the most templates gives
 * up its least recently used one, so one exporter never takes more than its share. It also remembers which
 * templates changed, so that only those are persisted.
 */
import { defineTemplate, sameSpecs, templateFields, type Template } from "./template";
import type { TemplateSnapshot } from "./template-snapshot";

export interface TemplateLimits {
  /** Templates kept over all exporters. */
  maxTemplates: number;
  /** Templates kept per (exporter, observation domain). */
  maxTemplatesPerDomain: number;
  /** A template neither used by a data set nor refreshed for this long is forgotten. */
  templateIdleMs: number;
  /**
   * New or changed definitions accepted a second (of the decoder's clock), each source at most a share of it;
   * identical refreshes are free.
   */
  maxTemplateChangesPerSecond: number;
}

/** The template part of the decoder's counters (DecoderCounters). */
export interface TemplateCounters {
  /** New or changed template definitions (an identical refresh does not count). */
  templatesLearned: number;
  templatesWithdrawn: number;
  /** Definitions refused as invalid (malformed, no usable field, more than 128 fields). */
  templatesRejected: number;
  /** Templates replaced to stay within `maxTemplatesPerDomain` or `maxTemplates`. */
  templatesEvicted: number;
  /** Templates forgotten after `templateIdleMs` unused. */
  templatesExpired: number;
  /**
   * New definitions refused because `maxTemplateChangesPerSecond`, or the exporter's share of it, was spent; a
   * template set that arrives once it is spent is skipped unread and counts once.
   */
  templatesThrottled: number;
  /** Templates known right now. */
  templates: number;
}

export interface DomainState {
  exporter: string;
  version: 9 | 10;
  domain: number;
  /** Least recently used first. */
  templates: Map<number, Template>;
  /** Sampling rate from the latest options record that carried one (1 = unsampled). */
  rate: number;
  systemInitMs: number;
}

interface ExporterState {
  domains: Map<number, DomainState>;
  /** Every template of the exporter under `lruKey`, least recently used first. */
  lru: Map<number, Template>;
}

/** Identifies one persisted template row. */
export interface TemplateKey {
  exporter: string;
  version: 9 | 10;
  domain: number;
  templateId: number;
}

/** What changed since the last call to `takeChanges`: rows to write, rows to delete, or (`replaceAll`) everything. */
export interface TemplateChanges {
  /** Delete every stored template before writing `upserts`; later batches complete the set. */
  replaceAll: boolean;
  upserts: TemplateSnapshot[];
  deletes: TemplateKey[];
  /** Changes left for later batches. */
  remaining: number;
}

type Removal = "templatesWithdrawn" | "templatesEvicted" | "templatesExpired";

/** The LRU order is refreshed at most this often per template: a data set costs no map update on the hot path. */
const TOUCH_GRANULARITY_MS = 1000;
/** How often idle templates are looked for. */
const SWEEP_INTERVAL_MS = 1000;

export function domainKey(version: 9 | 10, domain: number): number {
  return (version === 10 ? 4294967296 : 0) + domain;
}

function lruKey(dKey: number, templateId: number): number {
  return dKey * 65536 + templateId;
}

export class TemplateStore {
  private readonly exporters = new Map<string, ExporterState>();
  /** Exporters by how many templates they hold, to find the largest in O(1) when the global bound is reached. */
  private readonly bySize = new Map<number, Set<ExporterState>>();
  private largest = 0;
  private nextSweepMs = 0;
  /** Templates added, changed or removed since they were last taken: at most the templates held plus `stored`. */
  private readonly changed = new Map<string, TemplateKey>();
  /**
   * Keys handed out for writing (so present in storage): a template added and removed between two writes is
   * then never written at all, which keeps a flood's churn from reaching the database.
   */
  private readonly stored = new Set<string>();
  private resync = false;
  /** Domains whose sampling state changed since the last takeChanges; only live domains (see remove). */
  private readonly dirtyDomains = new Set<DomainState>();
  /** Changes noted (a template, or a whole domain once until taken): the work tracking costs the receive loop. */
  changeMarks = 0;
  private budgetSecond = -1;
  private budgetLeft = 0;
  /** New definitions each source asked for this second (refused ones too: it is still waiting to learn). */
  private spentBy = new Map<string, number>();
  /** The sources that asked last second, so that a source learning every second is counted from its start. */
  private askedBefore = new Map<string, number>();
  /** Sources in spentBy or askedBefore. */
  private learners = 0;

  constructor(
    private readonly limits: TemplateLimits,
    private readonly counters: TemplateCounters,
  ) {}

  domain(exporter: string, version: 9 | 10, domain: number): DomainState | undefined {
    return this.exporters.get(exporter)?.domains.get(domainKey(version, domain));
  }

  /**
   * Stores a definition received at `nowMs` (an identical one only counts as use); returns undefined when it
   * can never describe a record, null when this second's budget of changes is spent (counted, not stored).
   * `persisted`: read back from storage, so neither a change to write again nor held to the budget.
   */
  learn(
    key: TemplateKey,
    /** The fields as `Template.fieldSpecs` triples (packFields); kept, not copied. */
    specs: number[],
    options: boolean,
    scopeFieldCount: number,
    nowMs: number,
    persisted = false,
  ): Template | undefined | null {
    const { exporter, version, domain, templateId } = key;
    const existing = this.domain(exporter, version, domain)?.templates.get(templateId);
    if (
      existing &&
      existing.options === options &&
      existing.scopeFieldCount === scopeFieldCount &&
      sameSpecs(existing.fieldSpecs, specs)
    ) {
      this.touch(this.domain(exporter, version, domain)!, existing, nowMs);
      return existing;
    }
    if (!persisted && !this.spend(exporter, nowMs)) {
      this.counters.templatesThrottled++;
      return null;
    }
    const t = defineTemplate(version, templateId, specs, options, scopeFieldCount);
    if (!t) return undefined;
    t.lastUsedMs = nowMs;
    if (existing) this.remove(this.domain(exporter, version, domain)!, templateId, undefined);
    else this.makeRoom(exporter, version, domain);
    const d = this.ensureDomain(exporter, version, domain);
    const e = this.exporters.get(exporter)!;
    d.templates.set(templateId, t);
    e.lru.set(lruKey(domainKey(version, domain), templateId), t);
    this.resized(e, e.lru.size - 1);
    this.counters.templates++;
    this.counters.templatesLearned++;
    if (persisted) this.stored.add(changeKey(key));
    else this.markChanged(key);
    return t;
  }

  /** A data set used `t`: keeps it alive and moves it to the recently used end, at most once a second. */
  touch(d: DomainState, t: Template, nowMs: number): void {
    if (nowMs - t.lastUsedMs < TOUCH_GRANULARITY_MS) return;
    t.lastUsedMs = nowMs;
    d.templates.delete(t.templateId);
    d.templates.set(t.templateId, t);
    const lru = this.exporters.get(d.exporter)!.lru;
    const k = lruKey(domainKey(d.version, d.domain), t.templateId);
    lru.delete(k);
    lru.set(k, t);
  }

  /** IPFIX withdrawal (RFC 7011 §8.1) of one template, or of all data (2) or options (3) templates of a domain. */
  withdraw(exporter: string, domain: number, templateId: number, options: boolean): void {
    const d = this.domain(exporter, 10, domain);
    if (!d) return;
    if (templateId === (options ? 3 : 2)) {
      for (const [id, t] of d.templates) if (t.options === options) this.remove(d, id, "templatesWithdrawn");
    } else if (d.templates.has(templateId)) {
      this.remove(d, templateId, "templatesWithdrawn");
    }
  }

  /** Forgets templates idle for longer than the lifetime; cheap to call on every datagram. */
  expire(nowMs: number): void {
    if (nowMs < this.nextSweepMs) return;
    this.nextSweepMs = nowMs + SWEEP_INTERVAL_MS;
    const oldest = nowMs - this.limits.templateIdleMs;
    for (const e of this.exporters.values()) {
      // Least recently used first: stop at the first template still alive.
      for (const [k, t] of e.lru) {
        if (t.lastUsedMs >= oldest) break;
        this.remove(e.domains.get(Math.floor(k / 65536))!, t.templateId, "templatesExpired");
      }
    }
  }

  /**
   * A domain's sampling or init time changed: its rows carry them, so they are written again. Noted once and
   * spread over its templates by takeChanges: an options set can change the rate on each of 30,000 records.
   */
  domainChanged(d: DomainState): void {
    if (this.resync || this.dirtyDomains.has(d)) return;
    this.dirtyDomains.add(d);
    this.changeMarks++;
  }

  private markDomainTemplates(d: DomainState): void {
    for (const id of d.templates.keys())
      this.markChanged({ exporter: d.exporter, version: d.version, domain: d.domain, templateId: id });
  }

  /** Every template as plain data. */
  snapshots(): TemplateSnapshot[] {
    const out: TemplateSnapshot[] = [];
    for (const e of this.exporters.values()) {
      for (const d of e.domains.values()) for (const t of d.templates.values()) out.push(snapshotOf(d, t));
    }
    return out;
  }

  /** Asks for everything to be written again (after a failed write, or to replace an older format). */
  markAllChanged(): void {
    this.resync = true;
    this.changed.clear();
    this.dirtyDomains.clear();
    this.stored.clear();
  }

  /** Up to `limit` changes since the last call, oldest first. */
  takeChanges(limit: number): TemplateChanges {
    const replaceAll = this.resync;
    if (replaceAll) {
      this.resync = false;
      for (const e of this.exporters.values()) for (const d of e.domains.values()) this.markDomainTemplates(d);
    }
    for (const d of this.dirtyDomains) this.markDomainTemplates(d);
    this.dirtyDomains.clear();
    const upserts: TemplateSnapshot[] = [];
    const deletes: TemplateKey[] = [];
    for (const [k, key] of this.changed) {
      if (upserts.length + deletes.length >= limit) break;
      this.changed.delete(k);
      const d = this.domain(key.exporter, key.version, key.domain);
      const t = d?.templates.get(key.templateId);
      if (d && t) {
        upserts.push(snapshotOf(d, t));
        this.stored.add(k);
      } else {
        deletes.push(key);
        this.stored.delete(k);
      }
    }
    return { replaceAll, upserts, deletes, remaining: this.changed.size };
  }

  /**
   * Bounds the work a flood of ever-new templates can put on the receive loop (each costs a few µs, and a
   * wake-up reads up to 1,024 datagrams); known templates keep decoding meanwhile. Each source takes at most a
   * fair share, so one cannot starve the others (docs/operations.md, "Flow templates").
   */
  private spend(exporter: string, nowMs: number): boolean {
    this.roll(nowMs);
    let used = this.spentBy.get(exporter);
    if (used === undefined) {
      used = 0;
      this.spentBy.set(exporter, 0);
      if (!this.askedBefore.has(exporter)) this.learners++;
    }
    if (this.budgetLeft <= 0 || used >= this.share(0)) return false;
    this.spentBy.set(exporter, used + 1);
    this.budgetLeft--;
    return true;
  }

  /** Whether a new or changed definition from `exporter` would be accepted now. */
  hasBudget(exporter: string, nowMs: number): boolean {
    this.roll(nowMs);
    const used = this.spentBy.get(exporter);
    const newcomer = used === undefined && !this.askedBefore.has(exporter) ? 1 : 0;
    return this.budgetLeft > 0 && (used ?? 0) < this.share(newcomer);
  }

  /**
   * A source's share of a second's budget: the budget over the sources learning this or last second, plus
   * one, so that a share is always left for a source that has not asked yet.
   */
  private share(newcomers: number): number {
    return Math.max(1, Math.floor(this.limits.maxTemplateChangesPerSecond / (this.learners + newcomers + 1)));
  }

  private roll(nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    if (second === this.budgetSecond) return;
    this.askedBefore = second === this.budgetSecond + 1 ? this.spentBy : new Map<string, number>();
    this.spentBy = new Map();
    this.learners = this.askedBefore.size;
    this.budgetSecond = second;
    this.budgetLeft = this.limits.maxTemplateChangesPerSecond;
  }

  private markChanged(key: TemplateKey, removed = false): void {
    if (this.resync) return;
    this.changeMarks++;
    const k = changeKey(key);
    if (removed && !this.stored.has(k)) this.changed.delete(k);
    else this.changed.set(k, key);
  }

  /** Frees one place for a new template of (exporter, domain), if a bound requires it. */
  private makeRoom(exporter: string, version: 9 | 10, domain: number): void {
    const d = this.domain(exporter, version, domain);
    if (d && d.templates.size >= this.limits.maxTemplatesPerDomain) {
      this.remove(d, d.templates.keys().next().value!, "templatesEvicted", true);
      return;
    }
    if (this.counters.templates < this.limits.maxTemplates) return;
    // The largest holder pays, which is the newcomer itself once it holds as many as anyone.
    const own = this.exporters.get(exporter);
    const victim = own && own.lru.size >= this.largest ? own : this.bySize.get(this.largest)!.values().next().value!;
    const [k, t] = victim.lru.entries().next().value!;
    const vd = victim.domains.get(Math.floor(k / 65536))!;
    this.remove(vd, t.templateId, "templatesEvicted", vd === d);
  }

  private ensureDomain(exporter: string, version: 9 | 10, domain: number): DomainState {
    let e = this.exporters.get(exporter);
    if (!e) {
      e = { domains: new Map(), lru: new Map() };
      this.exporters.set(exporter, e);
    }
    const dk = domainKey(version, domain);
    let d = e.domains.get(dk);
    if (!d) {
      d = { exporter, version, domain, templates: new Map(), rate: 1, systemInitMs: 0 };
      e.domains.set(dk, d);
    }
    return d;
  }

  /**
   * Removes one template (`why` counts it; undefined when a redefinition replaces it). `keep`: the domain is
   * about to receive a template, so it keeps its sampling state even when emptied.
   */
  private remove(d: DomainState, templateId: number, why: Removal | undefined, keep = false): void {
    const e = this.exporters.get(d.exporter)!;
    const dk = domainKey(d.version, d.domain);
    d.templates.delete(templateId);
    e.lru.delete(lruKey(dk, templateId));
    this.resized(e, e.lru.size + 1);
    this.counters.templates--;
    if (why === undefined) return;
    this.counters[why]++;
    this.markChanged({ exporter: d.exporter, version: d.version, domain: d.domain, templateId }, true);
    // Empty domains and exporters are forgotten, so that churn over many of them stays bounded.
    if (keep) return;
    if (d.templates.size === 0) {
      e.domains.delete(dk);
      this.dirtyDomains.delete(d);
    }
    if (e.domains.size === 0) this.exporters.delete(d.exporter);
  }

  private resized(e: ExporterState, from: number): void {
    const to = e.lru.size;
    if (from > 0) {
      const set = this.bySize.get(from)!;
      set.delete(e);
      if (set.size === 0) this.bySize.delete(from);
    }
    if (to > 0) {
      let set = this.bySize.get(to);
      if (!set) this.bySize.set(to, (set = new Set()));
      set.add(e);
    }
    // Sizes move by one at a time, so the largest moves by at most one too.
    if (to > this.largest) this.largest = to;
    else if (from === this.largest && !this.bySize.has(from)) this.largest = from - 1;
  }
}

function changeKey(key: TemplateKey): string {
  return `${key.version}:${key.domain}:${key.templateId}:${key.exporter}`;
}

function snapshotOf(d: DomainState, t: Template): TemplateSnapshot {
  return {
    exporter: d.exporter,
    version: d.version,
    domain: d.domain,
    templateId: t.templateId,
    fields: templateFields(t),
    options: t.options,
    scopeFieldCount: t.scopeFieldCount,
    samplingRate: d.rate,
    systemInitMs: d.systemInitMs,
  };
}
