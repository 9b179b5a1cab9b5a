/**
 * `npm start` runs this to hand both processes the same absolute PATRONUS_DATA_DIR (they run in different
 * working directories): prints the variable, its one default applied, resolved against the current directory.
 */
import { resolve } from "node:path";
import { z } from "zod";
import { loadEnvOrExit, sharedEnv } from "../env";

const { PATRONUS_DATA_DIR } = loadEnvOrExit(z.object({ PATRONUS_DATA_DIR: sharedEnv.PATRONUS_DATA_DIR }), "data-dir");
console.log(resolve(PATRONUS_DATA_DIR));
