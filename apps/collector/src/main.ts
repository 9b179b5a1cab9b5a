import { startCollector } from "./collector";
import { loadEnv } from "./env";

let env;
try {
  env = loadEnv();
} catch (error) {
  console.error(`collector: ${(error as Error).message}`);
  process.exit(1);
}

const running = await startCollector(env);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("collector: stop failed", error);
        process.exit(1);
      },
    );
  });
}
