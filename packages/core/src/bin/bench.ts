/** `pnpm bench [filter...]`: every `src/**\/*.bench.ts` of core (see runBenches). */
import { runBenches } from "../testing/bench";

await runBenches(new URL("..", import.meta.url));
