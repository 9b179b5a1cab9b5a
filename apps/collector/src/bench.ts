/** `pnpm bench [filter...]`: every `src/**\/*.bench.ts` of the collector (see core's runBenches). */
import { runBenches } from "@patronus/core/testing";

await runBenches(new URL(".", import.meta.url));
