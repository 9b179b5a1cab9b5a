/**
 * `pnpm bench`: runs every `src/*.bench.ts` in turn (or those whose name contains an argument). Each
 * prints its figures beside a baseline measured in the same run, as a ratio: the machines are shared
 * and absolute numbers drift from run to run.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

for (const file of files) {
  console.log(`\n## src/${file}`);
  const bench = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<void> | void };
  await bench.run();
}
