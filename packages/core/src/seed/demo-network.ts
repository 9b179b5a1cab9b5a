import { count } from "drizzle-orm";
import type { Db } from "../db/client";
import { sites as sitesTable } from "../db/schema";
import { createPolicy, type PolicyInput } from "../policies";
import { addEndpoint, createPath, createSite, recordPathMetrics, type Endpoint } from "../sites";
import { prng } from "../random";
import { seedDemoHistory } from "./demo-history";

/**
 * The demo SD-WAN `npm start` shows on an empty database: 12 sites (HQ, two data centres, branches),
 * 40 paths with a day of 5-minute metrics, 25 routing policies and a day of their traffic snapshots. Each site's LAN is 10.<n>.0.0/16
 * (n = its position below, from 1), which the policies and the demo traffic generator both rely on.
 */
export const demoSites = [
  { name: "HQ New York", location: "New York, US" },
  { name: "DC Ashburn", location: "Ashburn, US" },
  { name: "DC Frankfurt", location: "Frankfurt, DE" },
  { name: "Branch Chicago", location: "Chicago, US" },
  { name: "Branch Dallas", location: "Dallas, US" },
  { name: "Branch Denver", location: "Denver, US" },
  { name: "Branch Seattle", location: "Seattle, US" },
  { name: "Branch San Francisco", location: "San Francisco, US" },
  { name: "Branch Atlanta", location: "Atlanta, US" },
  { name: "Branch Boston", location: "Boston, US" },
  { name: "Branch London", location: "London, GB" },
  { name: "Branch Paris", location: "Paris, FR" },
] as const;

export const demoPolicies: PolicyInput[] = [
  {
    name: "VoIP media (EF)",
    priority: 950,
    path_preference: "lowest_latency",
    match_rules: { dscp: [46], protocols: [17] },
  },
  {
    name: "SIP signalling",
    priority: 940,
    path_preference: "lowest_loss",
    match_rules: { destination_ports: ["5060-5061"], protocols: [6, 17] },
  },
  {
    name: "Zoom meetings",
    priority: 900,
    path_preference: "lowest_latency",
    match_rules: { destination_ports: ["8801-8810"], protocols: [17] },
  },
  {
    name: "Microsoft Teams media",
    priority: 900,
    path_preference: "lowest_latency",
    match_rules: { destination_ports: ["3478-3481"], protocols: [17] },
  },
  {
    name: "Webex media",
    priority: 890,
    path_preference: "lowest_latency",
    match_rules: { destination_ports: [9000, 5004], protocols: [17] },
  },
  { name: "Video streaming (AF41)", priority: 850, path_preference: "lowest_loss", match_rules: { dscp: [34] } },
  { name: "Interactive video (AF42)", priority: 840, path_preference: "lowest_loss", match_rules: { dscp: [36] } },
  {
    name: "Citrix ICA",
    priority: 800,
    path_preference: "lowest_latency",
    match_rules: { destination_ports: [1494, 2598], protocols: [6] },
  },
  { name: "RDP", priority: 790, path_preference: "lowest_latency", match_rules: { destination_ports: [3389] } },
  {
    name: "SSH admin",
    priority: 780,
    path_preference: "lowest_latency",
    match_rules: {
      destination_ports: [22],
      protocols: [6],
      destination_cidrs: ["10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"],
    },
  },
  { name: "DNS", priority: 770, path_preference: "lowest_latency", match_rules: { destination_ports: [53, 853] } },
  {
    name: "ERP to data centre",
    priority: 700,
    path_preference: "lowest_loss",
    match_rules: { destination_cidrs: ["10.2.10.0/24"], destination_ports: [443, 8443], protocols: [6] },
  },
  {
    name: "Database replication",
    priority: 690,
    path_preference: "highest_bandwidth",
    match_rules: {
      source_cidrs: ["10.2.20.0/24"],
      destination_cidrs: ["10.3.20.0/24"],
      destination_ports: [5432, 1433, 3306],
    },
  },
  {
    name: "Backup to Ashburn",
    priority: 600,
    path_preference: "highest_bandwidth",
    match_rules: { destination_cidrs: ["10.2.200.0/22"], destination_ports: [873, 10000, "8400-8450"], protocols: [6] },
  },
  {
    name: "Backup to Frankfurt",
    priority: 600,
    path_preference: "highest_bandwidth",
    match_rules: { destination_cidrs: ["10.3.200.0/22"], destination_ports: [873, 10000], protocols: [6] },
  },
  {
    name: "File shares (SMB)",
    priority: 550,
    path_preference: "highest_bandwidth",
    match_rules: { destination_ports: [445], protocols: [6] },
  },
  {
    name: "IPv6 management",
    priority: 540,
    path_preference: "lowest_latency",
    match_rules: { source_cidrs: ["fd00:10::/32"], destination_cidrs: ["fd00:10::/32"] },
  },
  {
    name: "Email (SMTP/IMAP)",
    priority: 500,
    path_preference: "lowest_cost",
    match_rules: { destination_ports: [25, 465, 587, 993], protocols: [6] },
  },
  {
    name: "Software updates",
    priority: 420,
    path_preference: "lowest_cost",
    match_rules: { destination_cidrs: ["192.0.2.0/24"], destination_ports: [80, 443] },
  },
  {
    name: "SaaS office suite",
    priority: 450,
    path_preference: "lowest_latency",
    match_rules: { destination_cidrs: ["203.0.113.0/24", "2001:db8:100::/48"], destination_ports: [443] },
  },
  {
    name: "Web (HTTPS)",
    priority: 400,
    path_preference: "lowest_cost",
    match_rules: { destination_ports: [443], protocols: [6, 17] },
  },
  {
    name: "Web (HTTP)",
    priority: 390,
    path_preference: "lowest_cost",
    match_rules: { destination_ports: [80, 8080], protocols: [6] },
  },
  { name: "Bulk (CS1 scavenger)", priority: 200, path_preference: "lowest_cost", match_rules: { dscp: [8] } },
  {
    name: "Guest Wi-Fi",
    priority: 100,
    path_preference: "lowest_cost",
    match_rules: { source_cidrs: ["172.16.0.0/12"] },
  },
  {
    name: "Default (catch-all)",
    priority: 0,
    path_preference: "lowest_cost",
    description: "Everything no other policy claims.",
    match_rules: {},
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;
const METRIC_STEP_MS = 5 * 60 * 1000;

export interface SeedSummary {
  seeded: boolean;
  sites: number;
  paths: number;
  policies: number;
  metricRows: number;
  /** Traffic snapshot rows (sdwan_policy_stats): a day a minute apart per policy, then a reset. */
  statsRows: number;
}

/** Seeds the demo network when the database holds no site yet; otherwise does nothing. */
export function seedDemoNetwork(db: Db, { now = Date.now() }: { now?: number } = {}): SeedSummary {
  const existing = db.select({ n: count() }).from(sitesTable).get()?.n ?? 0;
  if (existing > 0) return { seeded: false, sites: existing, paths: 0, policies: 0, metricRows: 0, statsRows: 0 };
  const rand = prng(30);
  // The seed's rows are audited like anyone's, under its own name, as made a day before `now`.
  const actor = "demo-seed";
  const seeded = { now: () => now - DAY_MS };

  return db.transaction(() => {
    const fiber: Endpoint[] = [];
    const lte: Endpoint[] = [];
    demoSites.forEach((spec, i) => {
      const n = i + 1;
      const site = createSite(db, { ...spec, status: n === 9 ? "degraded" : "active", actor }, seeded);
      fiber.push(
        addEndpoint(
          db,
          {
            site_id: site.id,
            address: `198.51.100.${n}`,
            port: 4500,
            interface_kind: n <= 3 ? "mpls" : "fiber",
            cost_per_gb: n <= 3 ? 0.05 : 0.01,
            actor,
          },
          seeded,
        ),
      );
      lte.push(
        addEndpoint(
          db,
          {
            site_id: site.id,
            address: `203.0.113.${100 + n}`,
            port: 4500,
            interface_kind: "lte",
            cost_per_gb: 2.5,
            reachable: n !== 9,
            actor,
          },
          seeded,
        ),
      );
    });

    // Hub and spoke over fiber (each branch both ways to HQ and to Ashburn), the data-centre triangle,
    // and LTE backups to HQ for seven branches: 40 directional paths.
    const pairs: [Endpoint, Endpoint][] = [];
    const hq = fiber[0]!;
    const ashburn = fiber[1]!;
    const frankfurt = fiber[2]!;
    for (const branch of fiber.slice(3)) pairs.push([branch, hq], [hq, branch], [branch, ashburn]);
    pairs.push(
      [hq, ashburn],
      [ashburn, hq],
      [ashburn, frankfurt],
      [frankfurt, ashburn],
      [hq, frankfurt],
      [frankfurt, hq],
    );
    for (const backup of lte.slice(3, 10)) pairs.push([backup, hq]);
    pairs.splice(40);

    let metricRows = 0;
    for (const [index, [source, destination]] of pairs.entries()) {
      const path = createPath(
        db,
        {
          source_endpoint_id: source.id,
          destination_endpoint_id: destination.id,
          status: index === 7 ? "degraded" : "up",
          actor,
        },
        seeded,
      );
      const isLte = source.interface_kind === "lte";
      const transatlantic = [source, destination].some(
        (e) => e.address.endsWith(".3") || e.address.endsWith(".11") || e.address.endsWith(".12"),
      );
      const baseLatency = (isLte ? 45 : 8) + (transatlantic ? 70 : 0) + rand() * 20;
      const rows = [];
      for (let t = now - DAY_MS; t <= now; t += METRIC_STEP_MS) {
        const busy = Math.max(0, Math.sin(((t % DAY_MS) / DAY_MS) * 2 * Math.PI - Math.PI / 2)); // peaks mid-day
        const latency = baseLatency * (1 + 0.3 * busy) + rand() * 4;
        const loss = Math.max(0, (isLte ? 0.8 : 0.05) * busy + (rand() < 0.02 ? rand() * 3 : 0));
        const jitter = latency * 0.05 + rand() * 2;
        rows.push({
          path_id: path.id,
          timestamp: t,
          latency_ms: round(latency),
          jitter_ms: round(jitter),
          packet_loss_pct: round(Math.min(loss, 100)),
          bandwidth_mbps: isLte ? round(50 + rand() * 50) : round(900 - 300 * busy + rand() * 50),
          mtu: isLte ? 1400 : 1500,
          score: Math.max(0, Math.min(100, Math.round(100 - latency / 3 - loss * 10 - jitter))),
        });
      }
      metricRows += recordPathMetrics(db, rows);
    }

    const policyIds = demoPolicies.map((policy) => createPolicy(db, { ...policy, actor }, seeded).policy_id);
    // Its own generator, so the metrics above keep their numbers.
    const statsRows = seedDemoHistory(db, { policyIds, now, random: prng(31) });
    return {
      seeded: true,
      sites: demoSites.length,
      paths: pairs.length,
      policies: demoPolicies.length,
      metricRows,
      statsRows,
    };
  });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
