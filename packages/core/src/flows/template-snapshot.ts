import { z } from "zod";
import { MAX_SAMPLING_RATE } from "./field-kinds";
import { MAX_TEMPLATE_FIELDS, type TemplateField } from "./template";

/**
 * One learned template with the state of its exporter domain, as plain JSON-able data: what the collector
 * persists so that after a restart data sets decode before the exporters resend their templates.
 */
export interface TemplateSnapshot {
  exporter: string;
  version: 9 | 10;
  /** IPFIX observation domain id / NetFlow v9 source id. */
  domain: number;
  templateId: number;
  fields: TemplateField[];
  /** Options template (v9 flowset 1, IPFIX set 3); its first `scopeFieldCount` fields are scope fields. */
  options: boolean;
  scopeFieldCount: number;
  /** The domain's sampling rate learned from options data (1 = unsampled). */
  samplingRate: number;
  /** The domain's systemInitTimeMilliseconds (IPFIX), 0 when unknown. */
  systemInitMs: number;
}

const u16 = z.number().int().min(0).max(0xffff);
const u32 = z.number().int().min(0).max(0xffffffff);

/** Validates snapshots read back from disk or a database, which may be stale, hand-edited or from another version. */
export const templateSnapshotSchema: z.ZodType<TemplateSnapshot> = z.object({
  exporter: z.string(),
  version: z.union([z.literal(9), z.literal(10)]),
  domain: u32,
  templateId: z.number().int().min(256).max(0xffff),
  fields: z
    .array(z.object({ id: u16, length: u16, enterprise: u32.optional() }))
    .min(1)
    .max(MAX_TEMPLATE_FIELDS),
  options: z.boolean(),
  scopeFieldCount: u16,
  samplingRate: z.number().min(1).max(MAX_SAMPLING_RATE),
  systemInitMs: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
