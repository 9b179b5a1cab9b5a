import { randomUUID } from "node:crypto";
import { writeAudit } from "@patronus/core/audit";
import type { Db } from "@patronus/core/db";
import { isDomainError } from "@patronus/core/errors";
import { getPolicy } from "@patronus/core/policies";
import { exportPolicyStats, type PolicyStatsExportRow, type TrafficPoint } from "@patronus/core/traffic/stats";
import { z } from "zod";
import type { Viewer } from "~/server/graphql/context";
import { readTrafficHistory } from "~/server/history-pool";
import { getLogger } from "~/server/log";

/** The longest parameter value read: an ISO time with fractions and zone is under 40 characters. */
const MAX_PARAMETER_LENGTH = 64;
/** 9999-12-31T23:59:59.999Z: the last time an ISO 8601 stamp (and the file name) can spell. */
const LATEST_MS = 253_402_300_799_999;

const text = (name: string, required: string) =>
  z.string(required).max(MAX_PARAMETER_LENGTH, `${name} is longer than ${MAX_PARAMETER_LENGTH} characters`);

/** Epoch milliseconds, or an ISO 8601 time with its zone, within years 1970-9999. */
const time = (name: string) =>
  text(name, `${name} is required: epoch milliseconds or an ISO 8601 time`).transform((value, ctx) => {
    const ms = /^\d+$/.test(value)
      ? Number(value)
      : /^\d{4}-\d\d-\d\dT.+(Z|[+-]\d\d:?\d\d)$/i.test(value)
        ? Date.parse(value)
        : NaN;
    if (Number.isNaN(ms))
      ctx.addIssue({
        code: "custom",
        message: `${name} must be epoch milliseconds or an ISO 8601 time with a zone, not '${value}'`,
      });
    else if (ms < 0 || ms > LATEST_MS)
      ctx.addIssue({ code: "custom", message: `${name} must lie between 1970-01-01 and 9999-12-31, not '${value}'` });
    return ms;
  });

const params = z.object({
  format: z.enum(["csv", "json"], "format must be csv or json"),
  from: time("from"),
  to: time("to"),
  policy_id: text("policy_id", "policy_id must be a policy id")
    .regex(/^[1-9]\d*$/, "policy_id must be a policy id (a positive whole number)")
    .transform(Number)
    .optional(),
  granularity: z.literal("raw", "granularity must be raw, or omitted for the chart's buckets").optional(),
  // traffic_history's own bounds and default, so the same value picks the same step as the chart.
  max_buckets: text("max_buckets", "max_buckets must be a whole number from 2 to 1000")
    .regex(/^\d{1,4}$/, "max_buckets must be a whole number from 2 to 1000")
    .transform(Number)
    .refine((n) => n >= 2 && n <= 1000, "max_buckets must be a whole number from 2 to 1000")
    .default(200),
});

const RAW_COLUMNS = [
  "timestamp",
  "time",
  "policy_id",
  "policy_name",
  "packets_matched",
  "bytes_matched",
  "active_flows",
] as const;
/** Rows a pull encodes: a few tens of kB a chunk, so a slow client holds little in memory. */
const ROWS_PER_CHUNK = 500;
/**
 * The longest range one raw export covers: the /traffic page's longest, already 60M rows (about 5 GB of
 * CSV) at 1,000 policies with 10 s snapshots. Longer ranges go a week at a time, or as the chart's buckets.
 */
const RAW_MAX_MS = 7 * 86_400_000;

/**
 * The export for a signed-in `viewer`: what the traffic chart shows (traffic_history's buckets of the
 * range, policy and max_buckets, with their rates), or with `granularity=raw` the snapshot rows, as CSV
 * (a comment line saying what and in which time zone, a header row, RFC 4180 quoting) or one JSON
 * array, streamed as the client reads; raw rows are read from the database on demand. Bad parameters answer 400 and an unknown policy 404, before anything is streamed; a
 * fault answers 500 with a reference that the log line carries beside the detail.
 */
export async function exportResponse(db: Db, viewer: Viewer, search: URLSearchParams): Promise<Response> {
  try {
    return await startExport(db, viewer, search);
  } catch (error) {
    const ref = randomUUID();
    getLogger().error("export internal error", { ref, error });
    return Response.json({ error: `Internal server error (ref: ${ref})` }, { status: 500 });
  }
}

async function startExport(db: Db, viewer: Viewer, search: URLSearchParams): Promise<Response> {
  const parsed = params.safeParse(Object.fromEntries(search));
  if (!parsed.success)
    return Response.json({ error: parsed.error.issues[0]?.message ?? "invalid parameters" }, { status: 400 });
  const { format, from, to, policy_id, granularity, max_buckets } = parsed.data;
  if (granularity === "raw" && to - from > RAW_MAX_MS)
    return Response.json(
      {
        error: `granularity=raw exports at most 7 days a request, and from-to spans ${spanText(to - from)}: export the range a week at a time, or leave out granularity for the chart's buckets`,
      },
      { status: 400 },
    );
  let rows: { next: () => IteratorResult<Row, unknown>; return?: () => unknown };
  let step: string;
  let what: string;
  try {
    if (granularity === "raw") {
      rows = mapIterator(exportPolicyStats(db, { from, to, policyId: policy_id }), rawValues);
      [step, what] = ["raw", "raw snapshots (cumulative counters)"];
    } else {
      // The chart's own query, on a reader thread: the same step and rollup level for the same range and max_buckets.
      const params = { from, to, maxBuckets: max_buckets, policyId: policy_id };
      const history = await readTrafficHistory(db, { kind: "totals", params });
      rows = history.points.map(bucketValues)[Symbol.iterator]();
      [step, what] = [shortStep(history.step_ms), `${longStep(history.step_ms)} buckets`];
    }
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return Response.json({ error: error.message }, { status: error.code === "NOT_FOUND" ? 404 : 400 });
  }
  const columns = granularity === "raw" ? RAW_COLUMNS : BUCKET_COLUMNS;
  const policyName =
    policy_id === undefined
      ? "all policies"
      : `policy ${getPolicy(db, { policyId: policy_id })?.name ?? String(policy_id)}`;

  const name = `patronus-traffic-${stamp(from)}-${stamp(to)}-${step}${policy_id ? `-policy-${policy_id}` : ""}.${format}`;
  // Audited once everything that can refuse the export has had its say.
  writeAudit(db, {
    actor: viewer.email,
    action: "stats.export",
    target: "sdwan_policy_stats",
    outcome: "success",
    details: {
      format,
      granularity: step,
      from,
      to,
      policy_id: policy_id ?? null,
      via: viewer.via,
      ...(granularity === "raw" ? {} : { max_buckets }),
    },
  });

  // A CSV says what it holds on its first line; a JSON array has no room for it: its file name says it.
  const rates = granularity === "raw" ? "" : " Rates per second; an empty rate is a gap (nothing recorded).";
  const comment = `# Patronus traffic: ${what} of ${policyName}, ${isoSeconds(from)} to ${isoSeconds(to)}.${rates} Times in UTC.\r\n`;
  const encoder = new TextEncoder();
  const encode =
    format === "csv" ? csvLine : (row: Row, first: boolean) => `${first ? "\n" : ",\n"}${JSON.stringify(row)}`;
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? `${comment}${columns.join(",")}\r\n` : "["));
    },
    async pull(controller) {
      // Every chunk waits its turn behind other requests: a fast reader would otherwise pull the whole
      // export in one run of promise callbacks, holding the event loop for as long as it lasts.
      await new Promise(setImmediate);
      let text = "";
      for (let n = 0; n < ROWS_PER_CHUNK; n++) {
        const next = rows.next();
        if (next.done) {
          if (format === "json") text += first ? "]\n" : "\n]\n";
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += encode(next.value, first);
        first = false;
      }
      controller.enqueue(encoder.encode(text));
    },
    cancel() {
      rows.return?.(); // closes a raw export's own connection
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** Maps a generator lazily, keeping its return() so a cancelled download still closes the reader. */
function mapIterator<T, U>(source: Generator<T, void, undefined>, map: (value: T) => U) {
  return {
    next: (): IteratorResult<U, void> => {
      const next = source.next();
      return next.done ? next : { done: false, value: map(next.value) };
    },
    return: () => {
      source.return();
    },
  };
}

/** One exported row, in its columns' order. */
type Row = Record<string, string | number | null>;

const BUCKET_COLUMNS = [
  "bucket_start",
  "time",
  "packets",
  "bytes",
  "packets_per_second",
  "bytes_per_second",
  "active_flows",
  "samples",
] as const;

function bucketValues(point: TrafficPoint): Record<(typeof BUCKET_COLUMNS)[number], string | number | null> {
  return {
    bucket_start: point.at,
    time: new Date(point.at).toISOString(),
    packets: point.packets,
    bytes: point.bytes,
    packets_per_second: point.packets_per_second,
    bytes_per_second: point.bytes_per_second,
    active_flows: point.active_flows,
    samples: point.samples,
  };
}

const UNITS: [number, string, string][] = [
  [86_400_000, "d", "day"],
  [3_600_000, "h", "hour"],
  [60_000, "m", "minute"],
  [1_000, "s", "second"],
];
/** A step as the file name says it: 10s, 5m, 1h, 1d. */
function shortStep(ms: number): string {
  const [unit, short] = UNITS.find(([unit]) => ms % unit === 0) ?? [1, "ms"];
  return `${ms / unit}${short}`;
}
/** A step as the CSV's comment says it: 30-second, 1-hour. */
function longStep(ms: number): string {
  const [unit, , long] = UNITS.find(([unit]) => ms % unit === 0) ?? [1, "", "millisecond"];
  return `${ms / unit}-${long}`;
}

/** A span as the raw cap's refusal says it: 7.5 days, 30 days. */
const spanText = (ms: number) => `${(ms / 86_400_000).toFixed(1).replace(/\.0$/, "")} days`;

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, "Z");

function rawValues(row: PolicyStatsExportRow): Record<(typeof RAW_COLUMNS)[number], string | number> {
  return {
    timestamp: row.timestamp,
    time: new Date(row.timestamp).toISOString(),
    policy_id: row.policy_id,
    policy_name: row.policy_name,
    packets_matched: row.packets_matched,
    bytes_matched: row.bytes_matched,
    active_flows: row.active_flows,
  };
}

/**
 * RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. A text field that
 * starts like a formula (= + - @, tab, carriage return) gets a leading ' first, so a spreadsheet opening
 * the file shows a policy name such as =HYPERLINK(...) as text instead of running it (OWASP's advice).
 */
function csvLine(row: Row): string {
  return `${Object.values(row).map(csvField).join(",")}\r\n`;
}

/** A gap (null) is an empty field. */
function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** 2026-01-01T00:00:00.000Z as 20260101T000000Z: no characters a file name may not hold. */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+/, "").replaceAll(/[-:]/g, "");
}
