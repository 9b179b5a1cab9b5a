import { randomUUID } from "node:crypto";
import { writeAudit, type AuditEntry } from "@patronus/core/audit";
import { queryAuditLog, type AuditFilter } from "@patronus/core/audit/query";
import type { Db } from "@patronus/core/db";
import { isDomainError } from "@patronus/core/errors";
import { z } from "zod";
import type { Viewer } from "~/server/graphql/context";

const text = (name: string) => z.string().max(254, `${name} is longer than 254 characters`).optional();
const epochMs = (name: string) =>
  z
    .string()
    .regex(/^\d{1,15}$/, `${name} must be epoch milliseconds`)
    .transform(Number)
    .optional();

/** The audit page's filters, as query parameters; an empty one means "not given", as in the page's form. */
const params = z.object({
  actor: text("actor"),
  action: text("action"),
  target: text("target"),
  outcome: z
    .enum(["success", "denied", "failed", "not_found"], "outcome must be success, denied, failed or not_found")
    .optional(),
  from: epochMs("from"),
  to: epochMs("to"),
});

const COLUMNS = ["id", "time", "actor", "action", "target", "outcome", "repeats", "last_time", "details"] as const;
/** Rows a pull reads and encodes: one page of the query, a few tens of kB. */
const ROWS_PER_CHUNK = 500;

/**
 * The audit log as CSV for an admin, newest first, with the page's filters; streamed a page at a time
 * so the whole log is never held in memory. Anyone else is refused (403) and the refusal audited.
 */
export function auditExportResponse(db: Db, viewer: Viewer, search: URLSearchParams): Response {
  if (viewer.role !== "admin") {
    writeAudit(db, {
      actor: viewer.email,
      action: "audit.export",
      target: "audit_log",
      outcome: "denied",
      details: { role: viewer.role, required: "admin" },
    });
    return Response.json(
      { error: `audit.export needs the admin role; ${viewer.email} is ${viewer.role}` },
      { status: 403 },
    );
  }
  const parsed = params.safeParse(Object.fromEntries([...search].filter(([, value]) => value !== "")));
  if (!parsed.success)
    return Response.json({ error: parsed.error.issues[0]?.message ?? "invalid parameters" }, { status: 400 });
  const filter: AuditFilter = parsed.data;
  try {
    // The first page is read before answering, so a bad filter is a 400 rather than a broken download.
    let page = queryAuditLog(db, { filter, limit: ROWS_PER_CHUNK });
    writeAudit(db, {
      actor: viewer.email,
      action: "audit.export",
      target: "audit_log",
      outcome: "success",
      details: { filter, via: viewer.via },
    });
    const encoder = new TextEncoder();
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\r\n`));
      },
      pull(controller) {
        if (sent) {
          if (!page.next_cursor) return controller.close();
          page = queryAuditLog(db, { filter, after: page.next_cursor, limit: ROWS_PER_CHUNK });
        }
        sent = true;
        controller.enqueue(encoder.encode(page.entries.map(csvLine).join("")));
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="patronus-audit-${stamp(Date.now())}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isDomainError(error)) return Response.json({ error: error.message }, { status: 400 });
    const ref = randomUUID();
    console.error(`[audit export] internal error ref ${ref}:`, error);
    return Response.json({ error: `Internal server error (ref: ${ref})` }, { status: 500 });
  }
}

function csvLine(entry: AuditEntry): string {
  const iso = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());
  return `${[
    entry.id,
    iso(entry.at),
    entry.actor,
    entry.action,
    entry.target,
    entry.outcome,
    entry.repeats,
    iso(entry.last_at),
    JSON.stringify(entry.details),
  ]
    .map(csvField)
    .join(",")}\r\n`;
}

/**
 * RFC 4180 quoting; text that a spreadsheet would run as a formula (= + - @, tab, CR first) gets a
 * leading ' (OWASP CSV injection), since actors and targets come from user input.
 */
function csvField(value: string | number): string {
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+/, "").replaceAll(/[-:]/g, "");
}
