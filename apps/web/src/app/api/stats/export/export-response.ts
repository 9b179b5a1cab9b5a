import { randomUUID } from "node:crypto";
import { writeAudit } from "@patronus/core/audit";
import type { Db } from "@patronus/core/db";
import { isDomainError } from "@patronus/core/errors";
import { exportPolicyStats, type PolicyStatsExportRow } from "@patronus/core/traffic/stats";
import { z } from "zod";
import type { Viewer } from "~/server/graphql/context";

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
});

const COLUMNS = [
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
 * The export for a signed-in `viewer`: snapshot rows of the range as CSV (header row, RFC 4180
 * quoting) or as one JSON array, streamed as the client reads, with the rows read from the database
 * on demand. Bad parameters answer 400 and an unknown policy 404, before anything is streamed; a
 * fault answers 500 with a reference that the log line carries beside the detail.
 */
export function exportResponse(db: Db, viewer: Viewer, search: URLSearchParams): Response {
  try {
    return startExport(db, viewer, search);
  } catch (error) {
    const ref = randomUUID();
    console.error(`[export] internal error ref ${ref}:`, error);
    return Response.json({ error: `Internal server error (ref: ${ref})` }, { status: 500 });
  }
}

function startExport(db: Db, viewer: Viewer, search: URLSearchParams): Response {
  const parsed = params.safeParse(Object.fromEntries(search));
  if (!parsed.success)
    return Response.json({ error: parsed.error.issues[0]?.message ?? "invalid parameters" }, { status: 400 });
  const { format, from, to, policy_id } = parsed.data;
  let rows: Generator<PolicyStatsExportRow, void, undefined>;
  try {
    rows = exportPolicyStats(db, { from, to, policyId: policy_id });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return Response.json({ error: error.message }, { status: error.code === "NOT_FOUND" ? 404 : 400 });
  }

  const name = `patronus-traffic-${stamp(from)}-${stamp(to)}${policy_id ? `-policy-${policy_id}` : ""}.${format}`;
  // Audited once everything that can refuse the export has had its say.
  writeAudit(db, {
    actor: viewer.email,
    action: "stats.export",
    target: "sdwan_policy_stats",
    outcome: "success",
    details: { format, from, to, policy_id: policy_id ?? null, via: viewer.via },
  });

  const encoder = new TextEncoder();
  const encode = format === "csv" ? csvLine : jsonLine;
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? `${COLUMNS.join(",")}\r\n` : "["));
    },
    pull(controller) {
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
      rows.return(); // closes the export's own connection
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

function values(row: PolicyStatsExportRow): (string | number)[] {
  return [
    row.timestamp,
    new Date(row.timestamp).toISOString(),
    row.policy_id,
    row.policy_name,
    row.packets_matched,
    row.bytes_matched,
    row.active_flows,
  ];
}

/**
 * RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. A text field that
 * starts like a formula (= + - @, tab, carriage return) gets a leading ' first, so a spreadsheet opening
 * the file shows a policy name such as =HYPERLINK(...) as text instead of running it (OWASP's advice).
 */
function csvLine(row: PolicyStatsExportRow): string {
  return `${values(row).map(csvField).join(",")}\r\n`;
}

function csvField(value: string | number): string {
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function jsonLine(row: PolicyStatsExportRow, first: boolean): string {
  const fields = values(row);
  const object = Object.fromEntries(COLUMNS.map((column, i) => [column, fields[i]]));
  return `${first ? "\n" : ",\n"}${JSON.stringify(object)}`;
}

/** 2026-01-01T00:00:00.000Z as 20260101T000000Z: no characters a file name may not hold. */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+/, "").replaceAll(/[-:]/g, "");
}
