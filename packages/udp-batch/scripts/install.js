// Builds the addon at install. It is optional (the collector falls back to Node's dgram socket), so a
// failed build must not fail the install; but it must not pass unseen either: it prints why, what the
// fallback costs and what to install, on stderr. Runs in the package folder, as npm and pnpm run it.
import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, rmSync } from "node:fs";
import { delimiter, dirname, isAbsolute, join } from "node:path";
import process from "node:process";

const NAME = "@patronus/udp-batch";
/** Output lines kept for the failure message; node-gyp's whole log is noise there. */
const TAIL_LINES = 200;
/** Error lines quoted from the build. */
const QUOTED_LINES = 6;

/** @param {string} command @returns {string | undefined} the executable's path, as the shell would find it */
function which(command) {
  if (command.includes("/")) return isExecutable(command) ? command : undefined;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const path = join(dir || ".", command);
    if (isExecutable(path)) return path;
  }
  return undefined;
}

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The tools node-gyp's Makefile calls: $CC compiles, $CXX links (gyp links with the C++ driver), make
 * and python3 (gyp itself). make's defaults when the variables are unset are cc and g++.
 * @returns {string[]} why the build cannot start, one line a tool; empty when it can
 */
function missingTools() {
  const tools = [
    { role: "C compiler", command: (process.env.CC ?? "").split(/\s+/)[0] || "cc", probe: true },
    { role: "C++ linker", command: (process.env.CXX ?? "").split(/\s+/)[0] || "g++", probe: true },
    { role: "make", command: "make", probe: false },
    { role: "python3", command: process.env.PYTHON || "python3", probe: false },
  ];
  const problems = [];
  for (const { role, command, probe } of tools) {
    const path = which(command);
    if (!path) problems.push(`no ${role} found (${command} is not on PATH)`);
    // A compiler that exists but cannot run (CC=/bin/false, a broken alternative) fails late and obscurely.
    else if (probe && spawnSync(path, ["--version"], { stdio: "ignore" }).status !== 0)
      problems.push(`the ${role} ${path} does not run (\`${command} --version\` failed)`);
  }
  return problems;
}

/** node-gyp as npm and pnpm pass it to install scripts, else npm's own copy beside node, else PATH's. */
function nodeGyp() {
  const script =
    process.env.npm_config_node_gyp ??
    join(dirname(process.execPath), "../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js");
  if (isAbsolute(script) && existsSync(script)) return { command: process.execPath, args: [script] };
  return { command: "node-gyp", args: [] };
}

/** @returns {Promise<{ ok: boolean, tail: string[] }>} */
function build() {
  const { command, args } = nodeGyp();
  const child = spawn(command, [...args, "rebuild", "--release"], { stdio: ["ignore", "pipe", "pipe"] });
  /** @type {string[]} */
  const tail = [];
  /** @param {Buffer} chunk */
  const keep = (chunk) => {
    tail.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
  };
  // Progress still shows; only a bounded tail is kept to quote from.
  child.stdout.on("data", (chunk) => (process.stdout.write(chunk), keep(chunk)));
  child.stderr.on("data", (chunk) => (process.stderr.write(chunk), keep(chunk)));
  return new Promise((resolve) => {
    child.on("error", (error) => resolve({ ok: false, tail: [...tail, `${command}: ${error.message}`] }));
    child.on("close", (code) => resolve({ ok: code === 0, tail }));
  });
}

/** node-gyp's lines that say nothing about this failure: progress, its stack frames, its versions. */
const BOILERPLATE = /^gyp (info|http) |^gyp ERR! (stack\s+at |System |command |cwd |node -v|node-gyp -v|not ok)/;

/** The compiler's, make's or node-gyp's last error lines, else the last lines of all. @param {string[]} tail */
function errorLines(tail) {
  const lines = tail.filter((line) => !BOILERPLATE.test(line));
  const errors = lines.filter((line) => /\berror\b|not found|No such file|^gyp ERR! stack/i.test(line));
  const quoted = (errors.length > 0 ? errors : lines).slice(-QUOTED_LINES);
  // Without nodedir node-gyp downloads Node's headers, which fails offline.
  if (tail.some((line) => line.includes("-headers.tar.gz")))
    quoted.push(
      "node-gyp could not fetch Node's headers: point npm at the installed ones (npm config set nodedir /usr)",
    );
  return quoted;
}

/** @param {string[]} why */
function reportFailure(why) {
  const bar = "!".repeat(100);
  const lines = [
    bar,
    `${NAME}: NATIVE BUILD FAILED. Why:`,
    ...why.map((line) => `    ${line}`),
    "The collector will receive flows with Node's dgram socket instead. That costs about 8 µs of CPU a",
    "datagram against 1.6 µs with batched recvmmsg, and loses datagrams above about 1.5M records/s",
    "instead of 3M (packages/udp-batch/README.md; measure with `cd apps/collector && pnpm bench udp`).",
    "To build it: sudo apt-get install build-essential python3",
    "        then: pnpm rebuild @patronus/udp-batch",
    "The install goes on: the addon is optional.",
    bar,
  ];
  process.stderr.write(`${lines.join("\n")}\n`);
}

const missing = missingTools();
if (missing.length > 0) {
  // As node-gyp's own clean step would: an addon left from an older build must not load against newer JS.
  rmSync("build", { recursive: true, force: true });
  reportFailure(missing);
} else {
  const { ok, tail } = await build();
  if (!ok) reportFailure(errorLines(tail));
}
// Always 0: a machine without a compiler still installs, and runs the collector on dgram.
process.exitCode = 0;
