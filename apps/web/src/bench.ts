/** `pnpm bench [filter...]`: every `src/**\/*.bench.ts` of the web app (see core's runBenches). */
import { runBenches } from "@patronus/core/testing";

await runBenches(new URL(".", import.meta.url));
