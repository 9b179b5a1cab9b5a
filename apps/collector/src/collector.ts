import { resolve } from "node:path";
import { CacheRegistry } from "@patronus/core/cache";
import { migrateDatabase, openDatabase } from "@patronus/core/db";
import { FlowDecoder, type FlowRecord } from "@patronus/core/flows";
import { listPolicies, policiesVersion } from "@patronus/core/policies";
import { demoSites } from "@patronus/core/seed";
import { asLogger, loggerFromEnv, type Logger } from "@patronus/core/log";
import { listSites } from "@patronus/core/sites";
import {
  ExporterGate,
  exporterAddressesVersion,
  listExporterEndpoints,
  loadFlowTemplates,
  restoreCollector,
  siteStatsOf,
  siteTotalsOf,
  storeTemplateChanges,
  TrafficStatsCollector,
  writeSnapshot,
} from "@patronus/core/traffic/engine";
import { loadOrCreateControlSecret, type CollectorStatusReport } from "@patronus/core/traffic/control";
import { PolicyMatcher } from "@patronus/core/traffic/match";
import { pruneSiteTrafficStep, pruneStatsStep } from "@patronus/core/traffic/stats";
import { startControlServer, startMetricsServer } from "./control-server";
import { startDemoTraffic } from "./demo-traffic";
import { createPreviewHandler } from "./preview";
import type { CollectorEnv } from "./env";
import { createCollectorMetrics } from "./metrics";
import { listenUdp } from "./udp-listener";

/**
 * Changed templates are written every second, at most this many rows at a time: a few ms of the event loop
 * however fast templates churn (docs/operations.md, "Flow templates").
 */
const TEMPLATE_ROWS_PER_WRITE = 500;
const TEMPLATE_WRITE_INTERVAL_MS = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const RETENTION_PRUNE_INTERVAL_MS = 60 * 60 * 1000;
/** Rows of each level one prune step deletes: a few ms of the receive loop (docs/database.md, "Rollups"). */
const PRUNE_ROWS_PER_STEP = 5000;
/** Exporters with a flow quota of their own; any beyond share one (docs/operations.md "Flow table fairness"). */
const EXPORTER_IDS = 256;

export interface RunningCollector {
  flowAddress: string;
  controlUrl: string;
  /** Where /metrics is served for other hosts (PATRONUS_METRICS_BIND), if it is. */
  metricsUrl?: string;
  collector: TrafficStatsCollector;
  /** Writes what changed since the last snapshot now; returns the rows written. */
  snapshot(): number;
  /** Final snapshot, then closes sockets, timers and the database. */
  stop(): Promise<void>;
}

/**
 * Wires the sidecar: UDP listener -> decoder -> classifier + counters -> periodic snapshots, plus the
 * loopback control interface and the timers that keep policies, flows and retention current.
 */
export async function startCollector(
  env: CollectorEnv,
  log: Logger | ((line: string) => void) = loggerFromEnv(env),
): Promise<RunningCollector> {
  const startedAt = Date.now();
  // One logger a component, so a line says which part of the sidecar wrote it (docs/operations.md, "Logs").
  const logger = asLogger(log);
  const [mainLog, policiesLog, exportersLog, templatesLog, snapshotsLog, retentionLog, udpLog] = [
    "collector",
    "policies",
    "exporters",
    "templates",
    "snapshots",
    "retention",
    "udp",
  ].map((component) => logger.child({ component })) as [Logger, Logger, Logger, Logger, Logger, Logger, Logger];
  // A relative PATRONUS_DATA_DIR is relative to the working directory (npm start passes an absolute one): say where.
  const dbFile = resolve(env.PATRONUS_DATA_DIR, "patronus.db");
  mainLog.info(`collector: database ${dbFile}`, { file: dbFile });
  const { db, close: closeDb } = openDatabase(dbFile);
  migrateDatabase(db);

  const collector = new TrafficStatsCollector({
    maxFlows: env.PATRONUS_MAX_FLOWS,
    maxFlowsPerExporter: Math.ceil(env.PATRONUS_MAX_FLOWS * env.PATRONUS_EXPORTER_FLOW_SHARE),
    exporters: EXPORTER_IDS,
  });
  let policyVersion = "";
  let knownPolicies = new Set<number>();
  const refreshPolicies = () => {
    const version = policiesVersion(db);
    if (version === policyVersion) return;
    const policies = listPolicies(db);
    let matcher: PolicyMatcher;
    try {
      matcher = new PolicyMatcher(policies);
    } catch (error) {
      // Policies are validated on write, so this means a row edited behind core's back: keep counting
      // with the matcher we have rather than stop.
      policiesLog.warn(`policies not reloaded, keeping the previous matcher: ${(error as Error).message}`, { error });
      policyVersion = version;
      return;
    }
    collector.setMatcher(matcher);
    const ids = new Set(policies.map((p) => p.policy_id));
    for (const gone of knownPolicies) if (!ids.has(gone)) collector.removePolicy(gone);
    if (policyVersion)
      policiesLog.info(`policies changed: ${policies.length} loaded, matcher rebuilt`, { policies: policies.length });
    knownPolicies = ids;
    policyVersion = version;
  };
  refreshPolicies();
  const restored = restoreCollector(db, collector);

  // Only known exporters' datagrams are decoded; the set follows endpoint edits on the policy poll.
  const gate = new ExporterGate({
    list: env.PATRONUS_FLOW_EXPORTERS,
    allowLoopback: env.PATRONUS_FLOW_ALLOW_LOOPBACK,
    maxExporters: EXPORTER_IDS,
  });
  let exportersVersion = "";
  const refreshExporters = () => {
    const version = exporterAddressesVersion(db);
    if (version === exportersVersion) return;
    // Sites keep their counters while they exist; a deleted site's column is emptied before it is reused.
    const sites = new Set(listSites(db).map((s) => s.id));
    for (const column of gate.setEndpoints(listExporterEndpoints(db), sites)) collector.dropSiteColumn(column);
    if (exportersVersion) exportersLog.info(`exporters changed: ${gate.describe()}`);
    exportersVersion = version;
  };
  refreshExporters();

  const decoder = new FlowDecoder({
    maxTemplates: env.PATRONUS_MAX_TEMPLATES,
    maxTemplatesPerDomain: env.PATRONUS_MAX_TEMPLATES_PER_DOMAIN,
    templateIdleMs: env.PATRONUS_TEMPLATE_IDLE_TIMEOUT_MS,
    maxTemplateChangesPerSecond: env.PATRONUS_TEMPLATE_CHANGES_PER_SECOND,
  });
  const stored = loadFlowTemplates(db);
  decoder.importTemplates(stored.templates, Date.now());
  // The older one-document form is rewritten as rows, under the caps, by the next snapshots.
  if (stored.legacy) decoder.markAllTemplatesChanged();

  let datagrams = 0;
  // One clock reading a datagram, and one record callback for all of them (no closure per datagram).
  let receivedAt = 0;
  let exporter = 0;
  const count = (record: FlowRecord) => collector.ingest(record, receivedAt, exporter);
  const listener = await listenUdp(
    {
      host: env.PATRONUS_FLOW_BIND,
      port: env.PATRONUS_FLOW_PORT,
      receiveBufferSize: env.PATRONUS_FLOW_RCVBUF,
      log: (line) => udpLog.info(line),
    },
    (message, from) => {
      datagrams += 1;
      exporter = gate.admit(from);
      if (exporter < 0) return;
      collector.fromSite(gate.site);
      receivedAt = Date.now();
      decoder.decode(message, from, receivedAt, count);
    },
  );

  let cursor = 0;
  let lastSnapshotAt: number | null = null;
  let snapshotFailures = 0;
  // Only changed templates, in bounded batches; a failed write is redone in full next time.
  const saveTemplates = (at: number, limit = TEMPLATE_ROWS_PER_WRITE) => {
    const changes = decoder.takeTemplateChanges(limit);
    if (!changes.replaceAll && changes.upserts.length + changes.deletes.length === 0) return;
    try {
      storeTemplateChanges(db, { changes, at });
    } catch (error) {
      decoder.markAllTemplatesChanged();
      throw error;
    }
  };
  const saveTemplatesQuietly = () => {
    try {
      saveTemplates(Date.now());
    } catch (error) {
      templatesLog.error(`template write failed (all will be rewritten): ${(error as Error).message}`, { error });
    }
  };
  const metrics = createCollectorMetrics({ status: () => status(), policies: () => collector.getAllPolicyStats() });
  const snapshot = (final = false): number => {
    const at = Date.now();
    const timed = metrics.snapshotDuration.startTimer();
    try {
      const written = writeSnapshot(db, collector, { at, cursor, siteOf: (column) => gate.siteOfColumn(column) });
      cursor = written.cursor;
      if (final) saveTemplates(at, Number.MAX_SAFE_INTEGER);
      lastSnapshotAt = at;
      return written.rows;
    } catch (error) {
      // Keeping the old cursor means the next snapshot writes these changes again: nothing is lost.
      snapshotFailures += 1;
      snapshotsLog.error(`snapshot failed (will retry): ${(error as Error).message}`, { error });
      return 0;
    } finally {
      timed();
    }
  };

  const registry = new CacheRegistry();
  registry.register("exporter_verdicts", gate.verdicts);
  const status = (): CollectorStatusReport => {
    const c = decoder.counters;
    const s = collector.status();
    return {
      uptime_ms: Date.now() - startedAt,
      started_at: startedAt,
      flow_listener: listener.address,
      receiver: listener.receiver,
      datagrams_received: datagrams,
      records_received: c.records,
      malformed_packets: c.malformedPackets,
      unsupported_version: c.unsupportedVersion,
      insane_records: c.insaneRecords,
      unknown_template_sets: c.unknownTemplateSets,
      socket_drops: listener.drops(),
      live_flows: s.liveFlows,
      max_flows: s.maxFlows,
      evicted_flows: s.evictedFlows,
      max_flows_per_exporter: s.maxFlowsPerExporter,
      last_snapshot_at: lastSnapshotAt,
      snapshot_failures: snapshotFailures,
      policies: s.policies,
      templates: c.templates,
      templates_rejected: c.templatesRejected,
      templates_evicted: c.templatesEvicted,
      templates_expired: c.templatesExpired,
      templates_throttled: c.templatesThrottled,
      unknown_exporter: gate.refused,
      unknown_exporters: gate.unknownExporters(10),
      exporters_allowed: gate.describe(),
      demo_traffic: demo !== undefined,
    };
  };

  const secret = env.PATRONUS_CONTROL_SECRET ?? loadOrCreateControlSecret(env.PATRONUS_DATA_DIR);
  const control = await startControlServer(
    {
      port: env.PATRONUS_CONTROL_PORT,
      secret,
      metrics: { registry: metrics.registry, token: env.PATRONUS_METRICS_TOKEN },
    },
    {
      stats: () => ({ policies: collector.getAllPolicyStats(), totals: collector.totals(), at: Date.now() }),
      policyStats: ({ policy_id }) => collector.getPolicyStats(policy_id) ?? null,
      topFlows: ({ policy_id, limit }) => collector.topFlows(policy_id, limit),
      status,
      reset: ({ policy_id }) => {
        if (policy_id === undefined) collector.resetStats();
        return { reset: policy_id === undefined ? true : collector.resetPolicyStats(policy_id) };
      },
      cleanup: ({ timeout_ms }) => ({
        removed: collector.cleanupStaleFlows(timeout_ms ?? env.PATRONUS_FLOW_IDLE_TIMEOUT_MS),
      }),
      preview: createPreviewHandler(collector),
      siteStats: ({ site_id }) => siteStatsOf(collector, gate, site_id, Date.now()),
      siteTotals: () => siteTotalsOf(collector, gate, Date.now()),
      cacheStats: () => registry.stats(),
      clearCaches: () => ({ cleared_entries: registry.clearAll() }),
    },
  );
  const metricsServer = env.PATRONUS_METRICS_BIND
    ? await startMetricsServer({
        host: env.PATRONUS_METRICS_BIND,
        port: env.PATRONUS_METRICS_PORT,
        registry: metrics.registry,
        token: env.PATRONUS_METRICS_TOKEN,
      })
    : undefined;

  const retention = {
    raw: env.PATRONUS_STATS_RETENTION_RAW * DAY_MS,
    minute: env.PATRONUS_STATS_RETENTION_MINUTE * DAY_MS,
    hour: env.PATRONUS_STATS_RETENTION_HOUR * DAY_MS,
  };
  let pruning: NodeJS.Immediate | undefined;
  const pruneRetention = (removed = { raw: 0, minute: 0, hour: 0, totals: 0, sites: 0 }) => {
    pruning = undefined;
    try {
      const step = pruneStatsStep(db, { now: Date.now(), retention, limit: PRUNE_ROWS_PER_STEP });
      const siteStep = pruneSiteTrafficStep(db, { now: Date.now(), retention, limit: PRUNE_ROWS_PER_STEP });
      for (const level of ["raw", "minute", "hour", "totals"] as const) removed[level] += step.removed[level];
      removed.sites += siteStep.removed;
      // Steps yield to the receive loop in between; an hour's expired rows take a few dozen.
      if (!step.done || !siteStep.done) pruning = setImmediate(pruneRetention, removed);
      else if (Object.values(removed).some((n) => n > 0))
        retentionLog.info(
          `retention: removed ${removed.raw} raw, ${removed.minute} minute and ${removed.hour} hour rows, ` +
            `${removed.totals} totals rows and ${removed.sites} per-site rows`,
          { rows: removed },
        );
    } catch (error) {
      retentionLog.error(`retention prune failed (retried next hour): ${(error as Error).message}`);
    }
  };
  pruneRetention();
  const timers = [
    setInterval(snapshot, env.PATRONUS_SNAPSHOT_INTERVAL_MS),
    setInterval(saveTemplatesQuietly, TEMPLATE_WRITE_INTERVAL_MS),
    setInterval(
      () => collector.cleanupStaleFlows(env.PATRONUS_FLOW_IDLE_TIMEOUT_MS),
      env.PATRONUS_FLOW_CLEANUP_INTERVAL_MS,
    ),
    setInterval(() => {
      refreshPolicies();
      refreshExporters();
    }, env.PATRONUS_POLICY_POLL_MS),
    setInterval(() => {
      if (!pruning) pruneRetention();
    }, RETENTION_PRUNE_INTERVAL_MS),
  ];
  const demo = wantsDemoTraffic(env, db)
    ? startDemoTraffic({ port: Number(listener.address.split(":").at(-1)) })
    : undefined;

  mainLog.info(
    `collector: flows on udp ${listener.address} (${listener.receiver}, receive buffer ${listener.receiveBufferSize} bytes), ` +
      `control on ${control.url}${metricsServer ? `, metrics on ${metricsServer.url}` : ""}, ` +
      `${restored} policies restored from snapshots${demo ? ", demo traffic on" : ""}`,
    {
      flow_address: listener.address,
      control_url: control.url,
      metrics_url: metricsServer?.url,
      restored_policies: restored,
    },
  );

  return {
    flowAddress: listener.address,
    controlUrl: control.url,
    metricsUrl: metricsServer?.url,
    collector,
    snapshot,
    async stop() {
      demo?.stop();
      for (const timer of timers) clearInterval(timer);
      if (pruning) clearImmediate(pruning);
      await listener.close();
      await control.close();
      await metricsServer?.close();
      const rows = snapshot(true);
      closeDb();
      mainLog.info(`collector stopped: final snapshot wrote ${rows} rows`, { rows });
    },
  };
}

/**
 * Demo flows only where the demo network is: on a real network they would mix into real counters. Half
 * its sites by name is enough, so that deleting a site or two in the demo keeps it going.
 */
function wantsDemoTraffic(env: CollectorEnv, db: Parameters<typeof listSites>[0]): boolean {
  if (env.PATRONUS_DEMO_TRAFFIC !== "auto") return env.PATRONUS_DEMO_TRAFFIC === "1";
  const names = new Set(listSites(db).map((s) => s.name));
  return demoSites.filter((site) => names.has(site.name)).length * 2 >= demoSites.length;
}
