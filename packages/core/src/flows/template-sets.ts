/**
 * Reading template sets (v9 flowsets 0 and 1, IPFIX sets 2 and 3) into the template store. A refresh of a
 * known template, or one past the second's budget, costs no allocation, so a template flood stays cheap.
 */
import type { SetHeader } from "./set-header";
import { MAX_TEMPLATE_FIELDS } from "./template";
import type { TemplateCounters, TemplateStore } from "./template-store";

/** The decoder's side of reading a template set. */
export interface TemplateSetTarget {
  readonly store: TemplateStore;
  readonly counters: TemplateCounters;
  /** The decoder's clock for the packet being read. */
  nowMs: number;
  /** A template is stored (new, changed or refreshed): sets held for it can be decoded. */
  learned(h: SetHeader, templateId: number): void;
  /** A template record was invalid: the packet counts as malformed. */
  rejected(): void;
}

/**
 * Template sets (v9 flowset 0, IPFIX sets 2 and 3) in [start, end). Stops at the first malformed record:
 * later ones in the set cannot be located. A zero template id in the remainder is padding.
 */
export function readTemplateSet(
  dv: DataView,
  start: number,
  end: number,
  h: SetHeader,
  options: boolean,
  target: TemplateSetTarget,
): void {
  const { store, counters, nowMs } = target;
  const version = h.version;
  let p = start;
  while (p + 4 <= end) {
    const templateId = dv.getUint16(p);
    const count = dv.getUint16(p + 2);
    if (templateId === 0 && count === 0) return;
    p += 4;
    if (count === 0 && version === 10) {
      store.withdraw(h.exporter, h.domain, templateId, options);
      continue;
    }
    if (templateId < 256 || count === 0 || count > MAX_TEMPLATE_FIELDS) return reject(target);
    let scopeFieldCount = 0;
    if (options) {
      if (p + 2 > end) return reject(target);
      scopeFieldCount = dv.getUint16(p);
      p += 2;
      // RFC 7011 §3.4.2.2: the scope field count must not be zero.
      if (scopeFieldCount === 0 || scopeFieldCount > count) return reject(target);
    }
    const fieldsAt = p;
    p = fieldsEnd(dv, p, end, count, version);
    if (p < 0) return reject(target);
    const d = store.domain(h.exporter, version, h.domain);
    const known = d?.templates.get(templateId);
    if (
      known &&
      known.options === options &&
      known.scopeFieldCount === scopeFieldCount &&
      known.fieldSpecs.length === count * 3 &&
      sameWireFields(dv, fieldsAt, version, known.fieldSpecs)
    ) {
      store.touch(d!, known, nowMs);
      continue;
    }
    if (!store.hasBudget(h.exporter, nowMs)) {
      counters.templatesThrottled++;
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
    learn(h, templateId, specs, options, scopeFieldCount, target);
  }
}

/** v9 options templates give scope and option lengths in octets, not counts (RFC 3954 §6.1). */
export function readV9OptionsTemplateSet(
  dv: DataView,
  start: number,
  end: number,
  h: SetHeader,
  target: TemplateSetTarget,
): void {
  let p = start;
  while (p + 6 <= end) {
    const templateId = dv.getUint16(p);
    const scopeLength = dv.getUint16(p + 2);
    const optionLength = dv.getUint16(p + 4);
    if (templateId === 0) return;
    p += 6;
    const count = (scopeLength + optionLength) / 4;
    if (templateId < 256 || scopeLength % 4 !== 0 || optionLength % 4 !== 0 || count === 0) return reject(target);
    if (count > MAX_TEMPLATE_FIELDS || p + count * 4 > end) return reject(target);
    const specs: number[] = [];
    for (let i = 0; i < count; i++, p += 4) specs.push(dv.getUint16(p), dv.getUint16(p + 2), -1);
    learn(h, templateId, specs, true, scopeLength / 4, target);
  }
}

function learn(
  h: SetHeader,
  templateId: number,
  specs: number[],
  options: boolean,
  scopeFieldCount: number,
  target: TemplateSetTarget,
): void {
  const key = { exporter: h.exporter, version: h.version, domain: h.domain, templateId };
  const stored = target.store.learn(key, specs, options, scopeFieldCount, target.nowMs);
  // null: over the budget (counted by the store); undefined: refused as invalid.
  if (stored === null) return;
  if (stored === undefined) reject(target);
  else target.learned(h, templateId);
}

function reject(target: TemplateSetTarget): void {
  target.counters.templatesRejected++;
  target.rejected();
}

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
