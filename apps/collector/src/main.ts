import { loggerFromEnv } from "@patronus/core/log";
import { startCollector } from "./collector";
import { loadEnv } from "./env";

let env;
try {
  env = loadEnv();
} catch (error) {
  // No logger yet: its format is one of the variables that failed to load.
  console.error(`collector: ${(error as Error).message}`);
  process.exit(1);
}

const log = loggerFromEnv(env);
const running = await startCollector(env, log);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error("collector: stop failed", { component: "collector", error });
        process.exit(1);
      },
    );
  });
}
