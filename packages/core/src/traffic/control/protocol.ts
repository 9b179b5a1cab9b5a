import { z } from "zod";
import type { CacheStats } from "../../cache/ttl-cache";
import type { UnknownExporter } from "../engine/exporter-gate";
import type { MatcherPreview, MovedFlow, PolicyMove } from "../engine/preview";
import type { FlowStats, PolicyStats, SitePolicyTraffic, TrafficTotals } from "../engine/traffic-stats-collector";
import { matchRulesSchema } from "../../policies/match-rules";

/*
 * The collector's control interface, defined once for both sides: JSON over HTTP on loopback, each
 * request carrying `Authorization: Bearer <secret>`. The sidecar validates every request against its
 * endpoint's `request` schema (400 naming the problem otherwise); the web's client validates every
 * answer against its `response` schema. docs/architecture.md "The collector's control interface".
 */

const count = z.number().int().nonnegative();
const epochMs = z.number();
const policyId = z.number().int().nonnegative();

const policyStatsSchema = z.object({
  policy_id: z.number().int(),
  packets_matched: z.number(),
  bytes_matched: z.number(),
  active_flows: count,
  first_seen: epochMs,
  last_updated: epochMs,
}) satisfies z.ZodType<PolicyStats>;

const flowStatsSchema = z.object({
  key: z.object({
    src_addr: z.string(),
    dst_addr: z.string(),
    src_port: z.number(),
    dst_port: z.number(),
    protocol: z.number(),
  }),
  policy_id: z.number().int(),
  packets: z.number(),
  bytes: z.number(),
  first_seen: epochMs,
  last_seen: epochMs,
}) satisfies z.ZodType<FlowStats>;

const trafficTotalsSchema = z.object({
  packets: z.number(),
  bytes: z.number(),
  active_flows: count,
}) satisfies z.ZodType<TrafficTotals>;

const liveStatsSchema = z.object({ policies: z.array(policyStatsSchema), totals: trafficTotalsSchema, at: epochMs });

const unknownExporterSchema = z.object({
  address: z.string(),
  datagrams: count,
  error: count,
  last_seen: epochMs,
}) satisfies z.ZodType<UnknownExporter>;

/** The sidecar's report on itself: its socket, decoders, flow table, snapshots and exporter gate. */
const collectorStatusReportSchema = z.object({
  uptime_ms: z.number(),
  started_at: epochMs,
  flow_listener: z.string(),
  /** How datagrams are received: recvmmsg batches through @patronus/udp-batch, or Node's dgram as a fallback. */
  receiver: z.enum(["recvmmsg", "dgram"]),
  datagrams_received: count,
  records_received: count,
  /** Datagrams rejected whole: bad framing (a header that disagrees with the datagram's size) or content. */
  malformed_packets: count,
  unsupported_version: count,
  /** Records refused: octets impossible for their packets, or a sampling rate out of range. */
  insane_records: count,
  unknown_template_sets: count,
  socket_drops: count,
  live_flows: count,
  max_flows: count,
  evicted_flows: count,
  /** Most live flows one exporter may hold (PATRONUS_EXPORTER_FLOW_SHARE of max_flows). */
  max_flows_per_exporter: count,
  last_snapshot_at: epochMs.nullable(),
  snapshot_failures: count,
  policies: count,
  templates: count,
  /** Template definitions refused as invalid. */
  templates_rejected: count,
  /** Templates replaced to stay within the per-domain or global cap. */
  templates_evicted: count,
  /** Templates forgotten after PATRONUS_TEMPLATE_IDLE_TIMEOUT_MS unused. */
  templates_expired: count,
  /** New template definitions refused past PATRONUS_TEMPLATE_CHANGES_PER_SECOND. */
  templates_throttled: count,
  /** Datagrams dropped undecoded because their source is not an allowed exporter. */
  unknown_exporter: count,
  /** The unknown sources that sent the most (bounded table; counts are upper bounds, at most `error` over). */
  unknown_exporters: z.array(unknownExporterSchema),
  /** Who may send flows, in words: endpoint count, configured prefixes, loopback, or any. */
  exporters_allowed: z.string(),
  /** Whether the collector sends itself demo IPFIX (PATRONUS_DEMO_TRAFFIC; auto: only with the demo network). */
  demo_traffic: z.boolean(),
});

const cacheStatsReportSchema = z.object({
  name: z.string(),
  entries: count,
  expired: count,
  max: count,
  hits: count,
  misses: count,
  evictions: count,
  hit_rate: z.number(),
}) satisfies z.ZodType<CacheStats & { name: string }>;

/** Most flows one topFlows request returns; a larger limit is clamped, not refused. */
export const MAX_TOP_FLOWS = 1000;

/** Most policies one preview may carry: the size the matcher and its bench are held to (draft.ts MAX_REORDER). */
export const MAX_PREVIEW_POLICIES = 1000;
/** Most moved flows one preview lists. */
export const MAX_PREVIEW_TOP = 100;
/**
 * A preview's body cap: 1,000 policies of a dozen rule entries are ~300 KB; parsing the cap's worth of
 * JSON holds the receive loop ~20 ms (docs/architecture.md "Policy change preview").
 */
export const MAX_PREVIEW_BODY_BYTES = 4 * 1024 * 1024;
/** Every other request's body cap. */
export const MAX_CONTROL_BODY_BYTES = 64 * 1024;

const flowKeySchema = flowStatsSchema.shape.key;

const previewPolicySchema = z.object({
  policy_id: z.number().int().positive(),
  priority: z.number().int(),
  enabled: z.boolean(),
  match_rules: matchRulesSchema,
});

const policyMoveSchema = z.object({
  from_policy_id: policyId,
  to_policy_id: policyId,
  flows: count,
  packets_per_second: z.number(),
  bits_per_second: z.number(),
}) satisfies z.ZodType<PolicyMove>;

const movedFlowSchema = z.object({
  key: flowKeySchema,
  dscp: z.number().int(),
  from_policy_id: policyId,
  to_policy_id: policyId,
  packets_per_second: z.number(),
  bits_per_second: z.number(),
}) satisfies z.ZodType<MovedFlow>;

const previewSchema = z.object({
  flows_considered: count,
  flows_moved: count,
  packets_per_second_moved: z.number(),
  bits_per_second_moved: z.number(),
  packets_per_second_total: z.number(),
  bits_per_second_total: z.number(),
  moves: z.array(policyMoveSchema),
  top_flows: z.array(movedFlowSchema),
  slices: count,
  /** When the live flows were copied (epoch ms). */
  at: epochMs,
  /** Compiling the draft and evaluating it, in ms. */
  elapsed_ms: z.number(),
}) satisfies z.ZodType<MatcherPreview & { at: number; elapsed_ms: number }>;

/** A site id, or "" for the exporters that are no endpoint (docs/architecture.md "Traffic per site"). */
const siteIdSchema = z.union([z.literal(""), z.uuid("must be a site's UUID, or empty for no endpoint")]);

const sitePolicyTrafficSchema = z.object({
  policy_id: z.number().int(),
  packets: z.number(),
  bytes: z.number(),
}) satisfies z.ZodType<SitePolicyTraffic>;

const siteStatsSchema = z.object({
  site_id: z.string(),
  /** The policies with traffic from the site's edge since the collector started or their last reset. */
  policies: z.array(sitePolicyTrafficSchema),
  at: epochMs,
});

/** Most exporter addresses listed for the no-endpoint bucket. */
export const MAX_OTHER_EXPORTERS = 10;

const siteTotalsSchema = z.object({
  /** One per site that counted traffic ("" for no endpoint), every policy summed. */
  sites: z.array(z.object({ site_id: z.string(), packets: z.number(), bytes: z.number() })),
  /** Some admitted exporters that are no endpoint ("loopback" for every loopback source). */
  other_exporters: z.array(z.string()).max(MAX_OTHER_EXPORTERS),
  at: epochMs,
});

export interface ControlEndpoint<Request extends z.ZodType = z.ZodType, Response extends z.ZodType = z.ZodType> {
  method: "GET" | "POST";
  /**
   * `:name` segments carry the request field of that name; a GET's other fields travel in the query
   * string, a POST's in its JSON body.
   */
  path: string;
  request: Request;
  response: Response;
  /** The largest body the server reads (default MAX_CONTROL_BODY_BYTES). */
  maxBodyBytes?: number;
}

const endpoint = <Request extends z.ZodType, Response extends z.ZodType>(e: ControlEndpoint<Request, Response>) => e;
const nothing = z.object({});

/** Every request the collector answers. */
export const controlEndpoints = {
  stats: endpoint({ method: "GET", path: "/stats", request: nothing, response: liveStatsSchema }),
  /** null when the policy has no counters. */
  policyStats: endpoint({
    method: "GET",
    path: "/stats/:policy_id",
    request: z.object({ policy_id: policyId }),
    response: policyStatsSchema.nullable(),
  }),
  topFlows: endpoint({
    method: "GET",
    path: "/flows/:policy_id",
    request: z.object({
      policy_id: policyId,
      limit: count.default(10).transform((n) => Math.min(n, MAX_TOP_FLOWS)),
    }),
    response: z.array(flowStatsSchema),
  }),
  status: endpoint({ method: "GET", path: "/status", request: nothing, response: collectorStatusReportSchema }),
  /** Without a policy_id, resets every policy's counters. */
  reset: endpoint({
    method: "POST",
    path: "/reset",
    request: z.object({ policy_id: policyId.optional() }),
    response: z.object({ reset: z.boolean() }),
  }),
  /** Without a timeout_ms, the collector's PATRONUS_FLOW_IDLE_TIMEOUT_MS. */
  cleanup: endpoint({
    method: "POST",
    path: "/cleanup",
    request: z.object({ timeout_ms: z.number().nonnegative().optional() }),
    response: z.object({ removed: count }),
  }),
  /**
   * What a draft policy list would do to the live flows; the counters are never touched. One at a
   * time: a second while one runs is refused with 429.
   */
  preview: endpoint({
    method: "POST",
    path: "/preview",
    request: z.object({
      policies: z
        .array(previewPolicySchema)
        .max(MAX_PREVIEW_POLICIES, `must hold at most ${MAX_PREVIEW_POLICIES} policies`),
      top: count.max(MAX_PREVIEW_TOP).default(10),
    }),
    response: previewSchema,
    maxBodyBytes: MAX_PREVIEW_BODY_BYTES,
  }),
  /** One site's traffic per policy; answers one row per policy at most. */
  siteStats: endpoint({
    method: "GET",
    path: "/sites/stats",
    request: z.object({ site_id: siteIdSchema.transform((id) => id.toLowerCase()) }),
    response: siteStatsSchema,
  }),
  /** Every site's traffic summed; answers one row per site at most. */
  siteTotals: endpoint({ method: "GET", path: "/sites/totals", request: nothing, response: siteTotalsSchema }),
  cacheStats: endpoint({ method: "GET", path: "/caches", request: nothing, response: z.array(cacheStatsReportSchema) }),
  clearCaches: endpoint({
    method: "POST",
    path: "/caches/clear",
    request: nothing,
    response: z.object({ cleared_entries: count }),
  }),
} as const;

export type ControlEndpoints = typeof controlEndpoints;
export type ControlEndpointName = keyof ControlEndpoints;
/** What a caller sends to an endpoint (defaults not yet applied). */
export type ControlRequest<Name extends ControlEndpointName> = z.input<ControlEndpoints[Name]["request"]>;
/** What the sidecar's handler receives once the request is validated (defaults applied). */
export type ControlParams<Name extends ControlEndpointName> = z.output<ControlEndpoints[Name]["request"]>;
export type ControlResponse<Name extends ControlEndpointName> = z.output<ControlEndpoints[Name]["response"]>;

/** The sidecar's report on itself, as GET /status answers it (not the engine's CollectorEngineStatus). */
export type CollectorStatusReport = z.output<typeof collectorStatusReportSchema>;
export type LiveStats = z.output<typeof liveStatsSchema>;
export type SiteStats = z.output<typeof siteStatsSchema>;
export type SiteTotals = z.output<typeof siteTotalsSchema>;
/** The collector's answer to a preview. */
export type PreviewReport = z.output<typeof previewSchema>;
/** A policy as a preview request carries it. */
export type PreviewPolicy = z.input<typeof previewPolicySchema>;
/** One cache's statistics as the collector reports them (CacheStats plus the cache's name). */
export type CacheStatsReport = z.output<typeof cacheStatsReportSchema>;

/** The body of every refusal the control server sends. */
export const controlErrorSchema = z.object({ error: z.string() });

/** One line naming each problem with a request or response, field path first. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}
