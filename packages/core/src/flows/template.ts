/**
 * Template compilation: a NetFlow v9 / IPFIX template becomes a flat plan of (offset, length, kind) triples
 * that the data-set loop in `data-set.ts` walks without allocating or looking anything up per record.
 */

import {
  F_COUNTS,
  F_SAMPLING,
  F_SAMPLING_SPACE,
  F_SYS_INIT,
  F_V4,
  F_V6,
  K_BYTES,
  K_DST4,
  K_DST6,
  K_DST_PORT,
  K_FIRST_MS,
  K_FIRST_NTP,
  K_FIRST_SEC,
  K_FIRST_UPTIME,
  K_LAST_MS,
  K_LAST_NTP,
  K_LAST_SEC,
  K_LAST_UPTIME,
  K_PACKETS,
  K_PROTOCOL,
  K_SAMPLING_INTERVAL,
  K_SAMPLING_SPACE,
  K_SKIP,
  K_SRC4,
  K_SRC6,
  K_SRC_PORT,
  K_SYS_INIT_MS,
  K_TOS,
  VARIABLE_LENGTH,
} from "./field-kinds";
import type { RecordReader } from "./record-reader";

/** One field specifier as it appeared on the wire (RFC 3954 §5.2, RFC 7011 §3.2). */
export interface TemplateField {
  /** Field type / Information Element id, without the IPFIX enterprise bit. */
  id: number;
  /** Declared length in octets; 65535 means variable-length (IPFIX only). */
  length: number;
  /** IPFIX Private Enterprise Number when the E bit was set. */
  enterprise?: number;
}

/**
 * Rejected beyond this. A set could hold 16,379 field specifiers, but exporters send a few dozen at most
 * (softflowd 14-16 and pmacctd 15 in the golden captures, the longest vendor templates under 100); the cap
 * bounds what one template can make us allocate, times `maxTemplates`. See docs/operations.md, "Flow templates".
 */
export const MAX_TEMPLATE_FIELDS = 128;

export interface Template {
  version: 9 | 10;
  templateId: number;
  /**
   * The fields as (id, length, enterprise or -1) triples: one allocation, not an object a field (a plain array:
   * allocating a Float64Array cost more than the rest of learning a template).
   */
  fieldSpecs: number[];
  options: boolean;
  /** Leading scope fields of an options template. For v9 these are scope types, not field types (RFC 3954 §6.1). */
  scopeFieldCount: number;
  /**
   * (offset, length, kind) triples: for fixed-length templates only the mapped fields, in read order; for
   * variable-length ones every field in wire order (offset 0: it depends on the record).
   */
  plan: Int32Array;
  /** Record length when every field has a fixed length, else -1 (walk the plan field by field). */
  fixedLength: number;
  /** Smallest possible record: a variable-length field takes at least its 1-octet length prefix. */
  minLength: number;
  flags: number;
  /** Generated decoder, compiled by the FlowDecoder when a data set first uses the template; until then `plan` is walked. */
  reader: RecordReader | undefined;
  /** When a data set or a refresh last used it (the decoder's clock), for expiry and least-recently-used eviction. */
  lastUsedMs: number;
  /** False until a data set first needs `plan`, `fixedLength` and `flags` (see defineTemplate). */
  compiled: boolean;
}

// Natural (maximum) lengths of unsigned fields; RFC 7011 §6.2 allows them on the wire in fewer octets.
const COUNTER = 8;
const U32 = 4;
const U16 = 2;
const U8 = 1;

/** Which kind a data-template field maps to, and the longest length accepted for it (exact when negative). */
function dataKind(id: number, version: 9 | 10): [kind: number, maxLength: number] {
  switch (id) {
    case 1:
    case 85:
      return [K_BYTES, COUNTER];
    case 2:
    case 86:
      return [K_PACKETS, COUNTER];
    case 4:
      return [K_PROTOCOL, U8];
    case 5:
      return [K_TOS, U8];
    case 7:
      return [K_SRC_PORT, U16];
    case 11:
      return [K_DST_PORT, U16];
    case 8:
      return [K_SRC4, -4];
    case 12:
      return [K_DST4, -4];
    case 27:
      return [K_SRC6, -16];
    case 28:
      return [K_DST6, -16];
    case 22:
      return [K_FIRST_UPTIME, U32];
    case 21:
      return [K_LAST_UPTIME, U32];
    case 150:
      return [K_FIRST_SEC, -4];
    case 151:
      return [K_LAST_SEC, -4];
    case 152:
      return [K_FIRST_MS, -8];
    case 153:
      return [K_LAST_MS, -8];
    case 154:
    case 156:
      return [K_FIRST_NTP, -8];
    case 155:
    case 157:
      return [K_LAST_NTP, -8];
    case 160:
      return version === 10 ? [K_SYS_INIT_MS, -8] : [K_SKIP, 0];
    case 34:
    case 50:
    case 305:
      return [K_SAMPLING_INTERVAL, U32];
    case 306:
      return [K_SAMPLING_SPACE, U32];
    default:
      return [K_SKIP, 0];
  }
}

const OPTION_KINDS = new Set([K_SYS_INIT_MS, K_SAMPLING_INTERVAL, K_SAMPLING_SPACE]);

// When a template carries several fields for one value, the best source wins (lower rank is better): the
// delta counters over the totals, and the most precise timestamp.
const RANK: Record<number, number> = {
  1: 0,
  85: 1,
  2: 0,
  86: 1,
  152: 0,
  153: 0,
  154: 1,
  155: 1,
  156: 2,
  157: 2,
  150: 3,
  151: 3,
  22: 4,
  21: 4,
};
const SLOT: Record<number, string> = {
  [K_FIRST_SEC]: "first",
  [K_FIRST_MS]: "first",
  [K_FIRST_NTP]: "first",
  [K_FIRST_UPTIME]: "first",
  [K_LAST_SEC]: "last",
  [K_LAST_MS]: "last",
  [K_LAST_NTP]: "last",
  [K_LAST_UPTIME]: "last",
};

export function sameSpecs(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function templateFields(t: Template): TemplateField[] {
  const out: TemplateField[] = [];
  const s = t.fieldSpecs;
  for (let i = 0; i < s.length; i += 3)
    out.push(
      s[i + 2]! < 0 ? { id: s[i]!, length: s[i + 1]! } : { id: s[i]!, length: s[i + 1]!, enterprise: s[i + 2]! },
    );
  return out;
}

/** Fields as the (id, length, enterprise or -1) triples of `Template.fieldSpecs`. */
export function packFields(fields: readonly TemplateField[]): number[] {
  const specs: number[] = [];
  for (const f of fields) specs.push(f.id, f.length, f.enterprise ?? -1);
  return specs;
}

const NO_PLAN = new Int32Array(0);

/**
 * A template as learned from the wire, checked but not yet compiled: a flood of templates that no data set
 * uses then costs no plan building (compiling took two thirds of a learned template's time). Undefined for one
 * that can never describe a record, as compileTemplate.
 */
export function defineTemplate(
  version: 9 | 10,
  templateId: number,
  specs: number[],
  isOptions: boolean,
  scopeFieldCount: number,
): Template | undefined {
  const count = specs.length / 3;
  if (count === 0 || count > MAX_TEMPLATE_FIELDS || scopeFieldCount > count) return undefined;
  let minLength = 0;
  for (let i = 1; i < specs.length; i += 3) minLength += specs[i] === VARIABLE_LENGTH && version === 10 ? 1 : specs[i]!;
  if (minLength === 0) return undefined;
  return {
    version,
    templateId,
    fieldSpecs: specs,
    options: isOptions,
    scopeFieldCount,
    plan: NO_PLAN,
    fixedLength: 0,
    minLength,
    flags: 0,
    reader: undefined,
    lastUsedMs: 0,
    compiled: false,
  };
}

/** Fills in the plan of a template from defineTemplate, once, when a data set first uses it. */
export function ensureCompiled(t: Template): void {
  if (t.compiled) return;
  const full = compileTemplate(t.version, t.templateId, templateFields(t), t.options, t.scopeFieldCount)!;
  t.plan = full.plan;
  t.fixedLength = full.fixedLength;
  t.flags = full.flags;
  t.compiled = true;
}

/**
 * Compiles a template into its plan; returns undefined for one that can never describe a record (no fields,
 * too many, or every field zero-length, which would let a data set loop without advancing).
 */
export function compileTemplate(
  version: 9 | 10,
  templateId: number,
  fields: TemplateField[],
  isOptions: boolean,
  scopeFieldCount: number,
): Template | undefined {
  if (fields.length === 0 || fields.length > MAX_TEMPLATE_FIELDS || scopeFieldCount > fields.length) return undefined;
  const kinds = new Int32Array(fields.length);
  const best = new Map<string, number>();
  let variable = false;
  let fixedLength = 0;
  let minLength = 0;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.length === VARIABLE_LENGTH && version === 10) {
      variable = true;
      minLength += 1;
      continue;
    }
    fixedLength += f.length;
    minLength += f.length;
    if (f.enterprise !== undefined || i < scopeFieldCount) continue;
    const [kind, max] = dataKind(f.id, version);
    const lengthOk = max < 0 ? f.length === -max : f.length >= 1 && f.length <= max;
    if (kind === K_SKIP || !lengthOk || (isOptions && !OPTION_KINDS.has(kind))) continue;
    const rank = RANK[f.id] ?? 0;
    const slot = SLOT[kind] ?? String(kind);
    const prior = best.get(slot);
    if (prior !== undefined && (RANK[fields[prior]!.id] ?? 0) <= rank) continue;
    if (prior !== undefined) kinds[prior] = K_SKIP;
    best.set(slot, i);
    kinds[i] = kind;
  }
  if (minLength === 0) return undefined;

  let flags = 0;
  for (const k of kinds) {
    if (k === K_SRC4 || k === K_DST4) flags |= F_V4;
    else if (k === K_SRC6 || k === K_DST6) flags |= F_V6;
    else if (k === K_SAMPLING_INTERVAL) flags |= F_SAMPLING;
    else if (k === K_SAMPLING_SPACE) flags |= F_SAMPLING_SPACE;
    else if (k === K_SYS_INIT_MS) flags |= F_SYS_INIT;
  }
  if (kinds.includes(K_PACKETS) && kinds.includes(K_BYTES)) flags |= F_COUNTS;

  const triples: number[] = [];
  if (variable) {
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      triples.push(0, f.length, kinds[i]!);
    }
  } else {
    const mapped: number[][] = [];
    let offset = 0;
    for (let i = 0; i < fields.length; i++) {
      if (kinds[i] !== K_SKIP) mapped.push([offset, fields[i]!.length, kinds[i]!]);
      offset += fields[i]!.length;
    }
    // systemInitTimeMilliseconds first, so that uptime fields after it in the same record can use it.
    mapped.sort((a, b) => Number(b[2] === K_SYS_INIT_MS) - Number(a[2] === K_SYS_INIT_MS));
    for (const m of mapped) triples.push(...m);
  }

  return {
    version,
    templateId,
    fieldSpecs: packFields(fields),
    options: isOptions,
    scopeFieldCount,
    plan: Int32Array.from(triples),
    fixedLength: variable ? -1 : fixedLength,
    minLength,
    flags,
    reader: undefined,
    lastUsedMs: 0,
    compiled: true,
  };
}
