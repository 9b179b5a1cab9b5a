/**
 * `pnpm bench`: runs every `src/**\/*.bench.ts` in turn (or those whose path contains an argument).
 * Each bench prints its own figures beside a baseline measured in the same process, as a ratio,
 * because the machines we run on are shared and absolute numbers drift from run to run.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const filters = process.argv.slice(2);
const files = (readdirSync(root, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

for (const file of files) {
  console.log(`\n## ${relative(root, join(root, file))}`);
  const bench = (await import(pathToFileURL(join(root, file)).href)) as { run: () => Promise<void> | void };
  await bench.run();
}
