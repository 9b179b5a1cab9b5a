import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase, openDatabase, type Db } from "@patronus/core/db";
import { createPolicy, type PolicyInput } from "@patronus/core/policies";
import { loadEnv, type CollectorEnv } from "../env";

/** A data directory with a migrated database holding `policies`, removed by `cleanup()`. */
export function createDataDir(policies: PolicyInput[]): {
  dir: string;
  db: Db;
  close: () => void;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), "patronus-collector-"));
  const handle = openDatabase(join(dir, "patronus.db"));
  migrateDatabase(handle.db);
  for (const policy of policies) createPolicy(handle.db, policy);
  return {
    dir,
    db: handle.db,
    close: handle.close,
    cleanup() {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const testSecret = "test-control-secret-0123456789";

/** The collector's environment variables for a test: loopback, free ports, no demo traffic, a known secret. */
export function testEnvVars(dataDir: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    PATRONUS_DATA_DIR: dataDir,
    PATRONUS_FLOW_BIND: "127.0.0.1",
    PATRONUS_FLOW_PORT: "0",
    PATRONUS_CONTROL_PORT: "0",
    PATRONUS_CONTROL_SECRET: testSecret,
    PATRONUS_DEMO_TRAFFIC: "0",
    ...overrides,
  };
}

/** The same, validated as the collector validates its own. */
export function testEnv(dataDir: string, overrides: Record<string, string> = {}): CollectorEnv & { secret: string } {
  return { ...loadEnv(testEnvVars(dataDir, overrides)), secret: testSecret };
}

/**
 * Runs a system tool a test drives (softflowd, tshark, scapy's python) and returns its stdout. When the
 * tool is missing or fails, the error is one line naming the Debian package to install, not a traceback.
 */
export function runTool(aptPackage: string, command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string };
    const reason =
      code === "ENOENT" ? `${command} is not installed` : (stderr?.trim().split("\n").at(-1) ?? `${command} failed`);
    throw new Error(`this test needs ${aptPackage} (apt-get install ${aptPackage}): ${reason}`, { cause: error });
  }
}

/** Writes the interop pcap (make-pcap.py, with scapy) into `dir` and returns its path. */
export function makePcap(dir: string): string {
  const file = join(dir, "flows.pcap");
  runTool("python3-scapy", "/usr/bin/python3", [fileURLToPath(new URL("./make-pcap.py", import.meta.url)), file]);
  return file;
}

export interface PcapFlow {
  v6: boolean;
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  protocol: number;
  /**
   * As softflowd reports it: the DSCP of the conversation's first packet for the direction that sent
   * it, 0 for the reply direction, and 0 for IPv6 (it reads no traffic class).
   */
  dscp: number;
  packets: number;
  /** IP total length summed, as softflowd counts octets. */
  bytes: number;
}

/** The pcap's own flows (one per direction), read with tshark. */
export function flowsInPcap(file: string): PcapFlow[] {
  const fields = [
    "ip.src",
    "ipv6.src",
    "ip.dst",
    "ipv6.dst",
    "tcp.srcport",
    "udp.srcport",
    "tcp.dstport",
    "udp.dstport",
    "ip.proto",
    "ipv6.nxt",
    "ip.dsfield.dscp",
    "ip.len",
    "ipv6.plen",
  ];
  const out = runTool("tshark", "tshark", [
    "-r",
    file,
    "-T",
    "fields",
    "-E",
    "separator=,",
    ...fields.flatMap((f) => ["-e", f]),
  ]);
  const flows = new Map<string, PcapFlow>();
  const conversations = new Set<string>();
  for (const line of out.trim().split("\n")) {
    const [src4, src6, dst4, dst6, tcpS, udpS, tcpD, udpD, proto4, proto6, dscp4, len4, plen6] = line.split(",");
    const v6 = !src4;
    const flow = {
      v6,
      src: (v6 ? src6 : src4)!,
      dst: (v6 ? dst6 : dst4)!,
      srcPort: Number(tcpS || udpS),
      dstPort: Number(tcpD || udpD),
      protocol: Number(v6 ? proto6 : proto4),
    };
    const key = `${flow.src}|${flow.dst}|${flow.srcPort}|${flow.dstPort}|${flow.protocol}`;
    const bytes = v6 ? Number(plen6) + 40 : Number(len4);
    const seen = flows.get(key);
    if (seen) {
      seen.packets += 1;
      seen.bytes += bytes;
    } else {
      const conversation = [`${flow.src}|${flow.srcPort}`, `${flow.dst}|${flow.dstPort}`].sort().join("|");
      const opensConversation = !conversations.has(conversation);
      conversations.add(conversation);
      flows.set(key, { ...flow, dscp: v6 || !opensConversation ? 0 : Number(dscp4), packets: 1, bytes });
    }
  }
  return [...flows.values()];
}
