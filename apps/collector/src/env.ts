import { loadEnv as loadFrom, parsedVariable, sharedEnv } from "@patronus/core/env";
import { isLoopback } from "@patronus/core/net";
import { parseExporterList } from "@patronus/core/traffic/engine";
import { z } from "zod";

const flag = z.enum(["0", "1"], "must be 0 or 1").transform((v) => v === "1");
const ms = z.coerce.number().int().positive();
const days = (least: number) =>
  z.coerce.number(`must be a number of days`).min(least, `must be at least ${least} days`);

/** The collector's environment, validated once at start; docs/configuration.md lists every variable. */
const schema = z.object({
  ...sharedEnv,
  PATRONUS_FLOW_BIND: z.union([z.ipv4(), z.ipv6()], "must be an IP address").default("0.0.0.0"),
  PATRONUS_FLOW_PORT: z.coerce.number().int().min(0).max(65535).default(2055), // 0: any free port (tests)
  /** Exporters beyond the network's endpoint addresses: CIDR list, or `any` (unsafe). docs/operations.md */
  PATRONUS_FLOW_EXPORTERS: parsedVariable(parseExporterList).prefault(""),
  PATRONUS_FLOW_ALLOW_LOOPBACK: flag.default(true),
  /** Asked of the kernel; it grants at most net.core.rmem_max (the status reports what was granted). */
  PATRONUS_FLOW_RCVBUF: z.coerce
    .number()
    .int()
    .min(65536)
    .default(8 * 1024 * 1024),
  PATRONUS_CONTROL_PORT: z.coerce.number().int().min(0).max(65535).default(2056),
  /** Where /metrics is also served, alone, for a Prometheus on another host; unset: only on the control port. */
  PATRONUS_METRICS_BIND: z.union([z.ipv4(), z.ipv6()], "must be an IP address").optional(),
  PATRONUS_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(2057),
  PATRONUS_SNAPSHOT_INTERVAL_MS: ms.default(10_000),
  PATRONUS_FLOW_IDLE_TIMEOUT_MS: ms.default(300_000),
  PATRONUS_FLOW_CLEANUP_INTERVAL_MS: ms.default(30_000),
  // Days each level of the snapshots is kept (docs/configuration.md); history reads minute rows for ranges up to 3 days.
  PATRONUS_STATS_RETENTION_RAW: days(1).default(30),
  PATRONUS_STATS_RETENTION_MINUTE: days(3).default(8),
  PATRONUS_STATS_RETENTION_HOUR: days(7).default(400),
  PATRONUS_MAX_FLOWS: z.coerce.number().int().min(1000).default(1_000_000),
  /** The most of PATRONUS_MAX_FLOWS one exporter may hold, so one exporter's flood cannot evict another's flows. */
  PATRONUS_EXPORTER_FLOW_SHARE: z.coerce.number().gt(0, "must be above 0").max(1, "must be at most 1").default(0.5),
  PATRONUS_POLICY_POLL_MS: ms.default(2_000),
  // Template bounds: docs/operations.md, "Flow templates".
  PATRONUS_MAX_TEMPLATES: z.coerce.number().int().min(100).max(1_000_000).default(10_000),
  PATRONUS_MAX_TEMPLATES_PER_DOMAIN: z.coerce.number().int().min(1).max(65_280).default(256),
  PATRONUS_TEMPLATE_IDLE_TIMEOUT_MS: z.coerce.number().int().min(60_000).default(3_600_000),
  PATRONUS_TEMPLATE_CHANGES_PER_SECOND: z.coerce.number().int().min(100).max(1_000_000).default(2_000),
  /** auto: only on a database holding the demo network, so real networks' counters never get demo flows. */
  PATRONUS_DEMO_TRAFFIC: z.enum(["auto", "0", "1"], "must be auto, 0 or 1").default("auto"),
});

/** /metrics beyond loopback is for token holders only (docs/operations.md, "Metrics"): refused at start without one. */
const checked = schema.superRefine((env, ctx) => {
  if (env.PATRONUS_METRICS_BIND && !isLoopback(env.PATRONUS_METRICS_BIND) && !env.PATRONUS_METRICS_TOKEN)
    ctx.addIssue({
      code: "custom",
      path: ["PATRONUS_METRICS_BIND"],
      message: "a non-loopback address needs PATRONUS_METRICS_TOKEN, or any host could read the metrics",
    });
});

export type CollectorEnv = z.output<typeof schema>;

/** The collector's variables from `source` (the process's own by default; tests pass theirs). */
export function loadEnv(source?: Record<string, string | undefined>): CollectorEnv {
  return loadFrom(checked, source);
}
