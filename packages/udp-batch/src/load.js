// Loads the addon once for index.js and testing.js, so both drive the same instance.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import process from "node:process";

/** @returns {import("./native").Native | string} the addon, or why it cannot be used */
function load() {
  if (process.platform !== "linux") return `recvmmsg is Linux-only, this is ${process.platform}`;
  try {
    // Found through the package, not beside this file, so that it also loads from inside a bundle.
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve("@patronus/udp-batch/package.json"));
    return require(join(root, "build/Release/udp_batch.node"));
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === "MODULE_NOT_FOUND")
      return "the native addon was not built (pnpm install printed why; apt-get install build-essential python3, then pnpm rebuild @patronus/udp-batch)";
    return `the native addon did not load (${String(error instanceof Error ? error.message : error).split("\n")[0]})`;
  }
}

export const native = load();
