import type { SiteStats, SiteTotals } from "../control/protocol";
import { MAX_OTHER_EXPORTERS } from "../control/protocol";
import type { ExporterGate } from "./exporter-gate";
import type { TrafficStatsCollector } from "./traffic-stats-collector";

/** The control API's answer for one site ("" for no endpoint): one row per policy with traffic at most. */
export function siteStatsOf(
  collector: TrafficStatsCollector,
  gate: ExporterGate,
  siteId: string,
  at: number,
): SiteStats {
  const column = gate.columnOfSite(siteId);
  return { site_id: siteId, policies: column === undefined ? [] : collector.siteTraffic(column), at };
}

/** The control API's per-site totals: one row per site with counters, and some exporters that are no endpoint. */
export function siteTotalsOf(collector: TrafficStatsCollector, gate: ExporterGate, at: number): SiteTotals {
  const sites = collector.siteColumns().flatMap((column) => {
    const site_id = gate.siteOfColumn(column);
    if (site_id === undefined) return [];
    const sum = { site_id, packets: 0, bytes: 0 };
    for (const p of collector.siteTraffic(column)) {
      sum.packets += p.packets;
      sum.bytes += p.bytes;
    }
    return [sum];
  });
  return { sites, other_exporters: gate.otherExporters(MAX_OTHER_EXPORTERS), at };
}
