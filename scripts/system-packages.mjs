#!/usr/bin/env node
// The system packages `npm test` drives for real: Chromium for Playwright, flow exporters (softflowd,
// pmacct), nfdump as the reference collector, tshark and scapy to make and read captures, sqlite3.
// Installs what is missing when it can (root with apt-get); otherwise stops before any test, naming the
// one command to run. Each package is checked by what a test actually runs, so a machine that has the
// tools from somewhere other than Debian's packages passes too.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const packages = [
  { name: "chromium", present: () => existsSync(process.env.PATRONUS_CHROMIUM ?? "/usr/bin/chromium") },
  { name: "softflowd", present: () => onPath("softflowd") },
  { name: "pmacct", present: () => onPath("pmacctd") },
  { name: "nfdump", present: () => onPath("nfcapd") },
  { name: "tshark", present: () => onPath("tshark") },
  { name: "python3-scapy", present: () => run("/usr/bin/python3", ["-c", "import scapy.all"]) },
  { name: "sqlite3", present: () => onPath("sqlite3") },
];

function run(command, args) {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

function onPath(command) {
  return run("sh", ["-c", `command -v ${command}`]);
}

const missing = packages.filter((p) => !p.present()).map((p) => p.name);
if (missing.length === 0) process.exit(0);

const install = `apt-get install -y --no-install-recommends ${missing.join(" ")}`;
const isRoot = process.getuid?.() === 0;
if (!isRoot || !onPath("apt-get")) {
  console.error(`npm test needs these system packages, which are missing: ${missing.join(", ")}.`);
  console.error(`Install them, then run npm test again:\n  sudo apt-get update && sudo ${install}`);
  process.exit(1);
}

console.log(`installing the system packages the tests drive: ${missing.join(" ")}`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
for (const args of [
  ["update", "-qq"],
  ["install", "-y", "-qq", "--no-install-recommends", ...missing],
]) {
  const result = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env });
  if (result.status !== 0) {
    console.error(`apt-get ${args[0]} failed (exit ${result.status}); run it by hand:\n  apt-get update && ${install}`);
    process.exit(1);
  }
}
const still = packages.filter((p) => missing.includes(p.name) && !p.present()).map((p) => p.name);
if (still.length > 0) {
  console.error(`installed, but still not usable: ${still.join(", ")}`);
  process.exit(1);
}
