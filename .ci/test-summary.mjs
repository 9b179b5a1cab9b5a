#!/usr/bin/env node
// `npm test`: runs every workspace's tests through turbo (continuing past failures), then sums the
// JSON reports each runner writes (vitest and Playwright) into one closing line:
//   tests: N passed, M failed
// A workspace whose runner left no report (it crashed or never started) counts as one failure.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
// Every workspace with a test script, and the report its runner writes (Playwright or vitest), so a
// new workspace's tests are counted without anyone remembering to list it here.
const workspaces = [
  "e2e",
  ...["apps", "packages"].flatMap((dir) => readdirSync(join(root, dir)).map((name) => `${dir}/${name}`)),
];
const reports = {};
for (const workspace of workspaces.sort()) {
  const manifest = join(root, workspace, "package.json");
  if (!existsSync(manifest)) continue;
  const pkg = JSON.parse(readFileSync(manifest, "utf8"));
  if (!pkg.scripts?.test) continue;
  const runner = pkg.devDependencies?.["@playwright/test"] ? "playwright" : "vitest";
  reports[workspace] = `${workspace}/.reports/${runner}.json`;
}
for (const file of Object.values(reports)) rmSync(join(root, file), { force: true });

// Type and lint errors are failures too: tsc and ESLint over every workspace first.
const typecheck = spawnSync(
  "pnpm",
  ["exec", "turbo", "run", "typecheck", "lint", "--continue", "--output-logs=errors-only"],
  {
    cwd: root,
    stdio: "inherit",
  },
);
// Formatting is checked, not fixed, so a commit that skipped `pnpm format` fails here.
const format = spawnSync("pnpm", ["exec", "prettier", "--check", "--log-level=warn", "."], {
  cwd: root,
  stdio: "inherit",
});
const turbo = spawnSync(
  "pnpm",
  ["exec", "turbo", "run", "test", "--continue", "--output-logs=full", ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
  },
);

let passed = 0;
let failed = 0;
const lines = [];
for (const [workspace, file] of Object.entries(reports)) {
  const path = join(root, file);
  if (!existsSync(path)) {
    failed += 1;
    lines.push(`${workspace}: no report (the runner did not finish)`);
    continue;
  }
  const report = JSON.parse(readFileSync(path, "utf8"));
  const [p, f] = report.stats
    ? [report.stats.expected + report.stats.flaky, report.stats.unexpected]
    : [report.numPassedTests, report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0)];
  passed += p;
  failed += f;
  lines.push(`${workspace}: ${p} passed, ${f} failed`);
}
if (typecheck.status !== 0) {
  failed += 1;
  lines.push("typecheck/lint: failed (see the tsc and ESLint output above)");
}
if (format.status !== 0) {
  failed += 1;
  lines.push("format: files differ from Prettier's output (run `pnpm format`)");
}
if (turbo.status !== 0 && failed === 0) {
  failed += 1;
  lines.push(`turbo exited with ${turbo.status} although every report passed`);
}
console.log(`\n${lines.join("\n")}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
