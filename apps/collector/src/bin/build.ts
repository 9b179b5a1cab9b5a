/**
 * `pnpm build`: bundles the sidecar into dist/main.mjs, which `npm start` runs under plain node.
 *
 * Why not tsx in production: tsx's loader runs on its own thread with its own V8 isolate and keeps
 * every transformed module's source map, 33-36 MB of resident memory before the collector does
 * anything, a third of its budget (under 100 MB with 1,000 policies and 100k flows). tsx still runs the
 * collector in development, tests and benchmarks.
 */
import { cp, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const root = fileURLToPath(new URL("../..", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));

/** Native addons load from their own package folders, so they stay outside the bundle. */
const external = ["better-sqlite3", "@patronus/udp-batch"];

/**
 * A bundle has one `import.meta.url`, but workspace modules locate files beside their source with it
 * (core finds its migrations folder that way): give each module its own, as unbundled, but relative
 * to the bundle (dist/<path from the repository root>), so that no path of the build machine is baked
 * in and the bundle runs wherever it is installed. The files they look for are copied there (`assets`).
 */
const ownImportMetaUrl: Plugin = {
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/].*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const own = `new URL(${JSON.stringify(relative(repoRoot, path).split(sep).join("/"))}, import.meta.url).href`;
      return { contents: source.replaceAll("import.meta.url", own), loader: "ts" };
    });
  },
};

/** What workspace modules read beside their source at run time, copied to the same place under dist/. */
const assets = ["packages/core/drizzle"];

/** Bundles `entry` (a path under apps/collector) into `outfile` as the sidecar is run. */
export async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external,
    plugins: [ownImportMetaUrl],
    sourcemap: "linked",
    // ESM output still meets CommonJS dependencies that call require() for node built-ins.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
  const outDir = dirname(resolve(root, outfile));
  for (const asset of assets) await cp(join(repoRoot, asset), join(outDir, asset), { recursive: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await bundle("src/main.ts", "dist/main.mjs");
}
