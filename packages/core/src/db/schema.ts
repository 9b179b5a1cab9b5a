import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { interfaceKinds } from "../sites/interface-kinds";
import { API_TOKEN_SCOPES, USER_ROLES } from "../users/roles";

/**
 * The SD-WAN domain. Times are epoch milliseconds; counters are SQLite integers read as JS numbers
 * (exact up to 2^53, far beyond any counter a policy will reach).
 *
 * Every foreign-key column is indexed: without those indexes SQLite scans the child table for each
 * parent row it deletes, and a large site's cascade takes seconds (docs/database.md).
 */

export const siteStatuses = ["active", "degraded", "offline", "maintenance"] as const;
// Declared apart from the database, where the browser can import them.
export { interfaceKinds };
export const pathStatuses = ["up", "degraded", "down"] as const;
export const pathPreferences = ["lowest_latency", "lowest_loss", "highest_bandwidth", "lowest_cost"] as const;
// Declared with the users, where their ranking is documented.
export const userRoles = USER_ROLES;
export const auditOutcomes = ["success", "denied", "failed", "not_found"] as const;

export const sites = sqliteTable("sdwan_sites", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  location: text("location").notNull().default(""),
  status: text("status", { enum: siteStatuses }).notNull().default("active"),
  created_at: integer("created_at").notNull(),
  updated_at: integer("updated_at").notNull(),
});

export const endpoints = sqliteTable(
  "sdwan_endpoints",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    site_id: text("site_id")
      .notNull()
      .references(() => sites.id),
    address: text("address").notNull(),
    port: integer("port").notNull(),
    interface_kind: text("interface_kind", { enum: interfaceKinds }).notNull(),
    cost_per_gb: real("cost_per_gb").notNull().default(0),
    reachable: integer("reachable", { mode: "boolean" }).notNull().default(true),
    created_at: integer("created_at").notNull(),
  },
  (t) => [
    index("sdwan_endpoints_site_idx").on(t.site_id),
    check("sdwan_endpoints_port_range", sql`${t.port} BETWEEN 1 AND 65535`),
  ],
);

export const paths = sqliteTable(
  "sdwan_paths",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    source_endpoint_id: integer("source_endpoint_id")
      .notNull()
      .references(() => endpoints.id),
    destination_endpoint_id: integer("destination_endpoint_id")
      .notNull()
      .references(() => endpoints.id),
    status: text("status", { enum: pathStatuses }).notNull().default("up"),
    created_at: integer("created_at").notNull(),
    updated_at: integer("updated_at").notNull(),
  },
  (t) => [
    // Also serves lookups by source endpoint (leftmost column).
    uniqueIndex("sdwan_paths_endpoints_unique").on(t.source_endpoint_id, t.destination_endpoint_id),
    index("sdwan_paths_destination_idx").on(t.destination_endpoint_id),
    check("sdwan_paths_not_loop", sql`${t.source_endpoint_id} <> ${t.destination_endpoint_id}`),
  ],
);

export const pathMetrics = sqliteTable(
  "sdwan_path_metrics",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    path_id: integer("path_id")
      .notNull()
      .references(() => paths.id),
    timestamp: integer("timestamp").notNull(),
    latency_ms: real("latency_ms").notNull(),
    jitter_ms: real("jitter_ms").notNull(),
    packet_loss_pct: real("packet_loss_pct").notNull(),
    bandwidth_mbps: real("bandwidth_mbps").notNull(),
    mtu: integer("mtu").notNull(),
    score: integer("score").notNull(),
  },
  (t) => [
    index("sdwan_path_metrics_path_time_idx").on(t.path_id, t.timestamp),
    check("sdwan_path_metrics_score_range", sql`${t.score} BETWEEN 0 AND 100`),
  ],
);

export const policies = sqliteTable(
  "sdwan_policies",
  {
    policy_id: integer("policy_id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull().unique(),
    description: text("description").notNull().default(""),
    priority: integer("priority").notNull(),
    /** JSON of MatchRules (src/policies/match-rules.ts), validated with zod on every write. */
    match_rules: text("match_rules").notNull().default("{}"),
    path_preference: text("path_preference", { enum: pathPreferences }).notNull().default("lowest_latency"),
    /** A pinned path wins over the preference; when the path is deleted the policy falls back to it. */
    pinned_path_id: integer("pinned_path_id").references(() => paths.id),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    created_at: integer("created_at").notNull(),
    updated_at: integer("updated_at").notNull(),
    /**
     * Raised by one on every write to the row: the collector's cheap version of the table sums it, which
     * sees two edits within one millisecond (or under a clock stepped back) that updated_at cannot.
     */
    revision: integer("revision").notNull().default(0),
  },
  (t) => [
    index("sdwan_policies_pinned_path_idx").on(t.pinned_path_id),
    check("sdwan_policies_priority_range", sql`${t.priority} BETWEEN 0 AND 1000`),
  ],
);

/** One row per policy per snapshot; the column names are those docs/database.md and the CSV export (docs/api.md) give. */
export const policyStats = sqliteTable(
  "sdwan_policy_stats",
  {
    stat_id: integer("stat_id").primaryKey({ autoIncrement: true }),
    policy_id: integer("policy_id")
      .notNull()
      .references(() => policies.policy_id, { onDelete: "cascade" }),
    timestamp: integer("timestamp").notNull(),
    packets_matched: integer("packets_matched").notNull(),
    bytes_matched: integer("bytes_matched").notNull(),
    active_flows: integer("active_flows").notNull(),
  },
  (t) => [
    index("sdwan_policy_stats_policy_time_idx").on(t.policy_id, t.timestamp),
    // Retention pruning and all-policy exports select by time alone: without it the collector's hourly
    // prune scanned the whole table (215 ms at 6M rows, its event loop stalled; 10 ms with it).
    index("sdwan_policy_stats_time_idx").on(t.timestamp),
  ],
);

// --- Snapshot rollups (issue 13): docs/database.md, "Rollups". Kept in one block.

/**
 * One row per policy and bucket of a rollup level: what that policy's snapshots taken in (bucket, bucket +
 * width] say, written with each snapshot. Counters are the rise within the bucket (resets counted as
 * sdwan_policy_stats' history counts them), so rows add up across buckets without the raw rows.
 */
function rollupTable(name: string) {
  return sqliteTable(
    name,
    {
      policy_id: integer("policy_id")
        .notNull()
        .references(() => policies.policy_id, { onDelete: "cascade" }),
      /** Bucket start, epoch ms, a multiple of the level's width. */
      bucket: integer("bucket").notNull(),
      packets: integer("packets").notNull(),
      bytes: integer("bytes").notNull(),
      /** Snapshot rows rolled into the bucket. */
      samples: integer("samples").notNull(),
      /** When the bucket's rise began: the policy's snapshot before it or the collector's last before that, if later. */
      began_at: integer("began_at").notNull(),
      /** The last snapshot rolled in, and its live flows. */
      last_at: integer("last_at").notNull(),
      active_flows: integer("active_flows").notNull(),
    },
    (t) => [primaryKey({ columns: [t.policy_id, t.bucket] }), index(`${name}_bucket_idx`).on(t.bucket)],
  );
}

export const policyStatsMinute = rollupTable("sdwan_policy_stats_minute");
export const policyStatsHour = rollupTable("sdwan_policy_stats_hour");

/**
 * One row per bucket of a level: every policy's row of that bucket summed, written with them, so totals
 * across 1,000 policies read one row a bucket. Deleting a policy subtracts its share (removePolicyFromTotals,
 * in the delete's transaction); began_at and last_at stay as recorded, and an emptied row stays until pruned.
 */
function totalsTable(name: string) {
  return sqliteTable(name, {
    bucket: integer("bucket").primaryKey(),
    packets: integer("packets").notNull(),
    bytes: integer("bytes").notNull(),
    samples: integer("samples").notNull(),
    /** The earliest began_at and the latest last_at of the policies' rows. */
    began_at: integer("began_at").notNull(),
    last_at: integer("last_at").notNull(),
    /** Each policy's live flows at its last snapshot in the bucket, summed. */
    active_flows: integer("active_flows").notNull(),
  });
}

/** Totals of the raw rows' 10 s buckets: the raw level has no per-policy table beside it. */
export const statsTotals10s = totalsTable("sdwan_stats_totals_10s");
export const statsTotalsMinute = totalsTable("sdwan_stats_totals_minute");
export const statsTotalsHour = totalsTable("sdwan_stats_totals_hour");

// --- End of snapshot rollups.

// --- Traffic per site (issue 13): docs/database.md, "Traffic per site".

/**
 * What each (exporter site, policy) pair rose in a bucket of a level, written with the snapshot that
 * measured it; a pair without traffic has no row. site_id "" is traffic from exporters that are no
 * endpoint, so it has no foreign key: deleting a site removes its rows in deleteSite.
 */
function siteTrafficTable(name: string) {
  return sqliteTable(
    name,
    {
      site_id: text("site_id").notNull(),
      policy_id: integer("policy_id")
        .notNull()
        .references(() => policies.policy_id, { onDelete: "cascade" }),
      /** Bucket start, epoch ms, as the policy rollups' buckets. */
      bucket: integer("bucket").notNull(),
      packets: integer("packets").notNull(),
      bytes: integer("bytes").notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.site_id, t.bucket, t.policy_id] }),
      index(`${name}_bucket_idx`).on(t.bucket),
      index(`${name}_policy_idx`).on(t.policy_id),
    ],
  );
}

export const sitePolicyStatsMinute = siteTrafficTable("sdwan_site_policy_stats_minute");
export const sitePolicyStatsHour = siteTrafficTable("sdwan_site_policy_stats_hour");

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull().default(""),
  /** scrypt$N$r$p$salt$hash, see src/users/password.ts */
  password_hash: text("password_hash").notNull(),
  role: text("role", { enum: userRoles }).notNull().default("viewer"),
  created_at: integer("created_at").notNull(),
  /** Bumped by a password reset or role change: a session cookie signed with an older one is refused. */
  session_version: integer("session_version").notNull().default(0),
});

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    user_id: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** sha256 of the token; the token itself is shown once and never stored. */
    token_hash: text("token_hash").notNull().unique(),
    /** full: acts as its user; metrics: may only post path metrics (docs/api.md, "Metrics tokens"). */
    scope: text("scope", { enum: API_TOKEN_SCOPES }).notNull().default("full"),
    created_at: integer("created_at").notNull(),
    last_used_at: integer("last_used_at"),
    expires_at: integer("expires_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.user_id)],
);

/**
 * Append-only: triggers in the migrations reject DELETE and every UPDATE but one, raising `repeats`
 * (and `last_at`) of a denied row by one: repeated denials coalesce instead of flooding (audit/index.ts).
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    target: text("target").notNull(),
    outcome: text("outcome", { enum: auditOutcomes }).notNull(),
    /** JSON: counts, error message, whatever the action records. */
    details: text("details").notNull().default("{}"),
    /** How many attempts the row stands for: above 1 only for coalesced denials. */
    repeats: integer("repeats").notNull().default(1),
    /** The latest of those attempts; null while there is only the first. */
    last_at: integer("last_at"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_target_idx").on(t.target),
    index("audit_log_actor_action_idx").on(t.actor, t.action),
    // One per filter of the audit page: SQLite ends each with the rowid, so a filtered page walks it
    // newest first without sorting (audit/query.ts).
    index("audit_log_actor_idx").on(t.actor),
    index("audit_log_action_idx").on(t.action),
    index("audit_log_outcome_idx").on(t.outcome),
  ],
);

/**
 * Small named documents a process keeps across restarts: the collector's unmatched-traffic counters (which
 * have no policy row for sdwan_policy_stats to point at). A `flow_templates` row is the older one-document
 * form of the templates table below; the collector reads it once and replaces it with rows.
 */
export const collectorState = sqliteTable("collector_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updated_at: integer("updated_at").notNull(),
});

/**
 * The collector's learned NetFlow v9 / IPFIX templates, one row each, so that after a restart data decodes
 * before exporters resend them. Written only when a template is added, changed or removed, in bounded batches
 * with the periodic snapshot (docs/operations.md, "Flow templates"); read back under the decoder's caps.
 */
export const flowTemplates = sqliteTable(
  "flow_templates",
  {
    exporter: text("exporter").notNull(),
    version: integer("version").notNull(),
    /** IPFIX observation domain id / NetFlow v9 source id. */
    domain: integer("domain").notNull(),
    template_id: integer("template_id").notNull(),
    options: integer("options", { mode: "boolean" }).notNull(),
    scope_field_count: integer("scope_field_count").notNull(),
    /** JSON array of {id, length, enterprise?}, validated when read back. */
    fields: text("fields").notNull(),
    sampling_rate: real("sampling_rate").notNull(),
    system_init_ms: integer("system_init_ms").notNull(),
    updated_at: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.exporter, t.version, t.domain, t.template_id] })],
);
