/**
 * The dashboard's process under `npm start` (what `next start` was): Next's own server answers every
 * page and route but one. GraphQL GETs and POSTs go straight to the endpoint the Next route serves
 * (server/graphql/route-handler.ts): Next's route pipeline costs more per request than answering a
 * polling page's query does, and every open dashboard polls (docs/architecture.md, "API cost").
 * Those requests keep what Next gave them: this process's request hooks (instrumentation.ts, which
 * Next runs on prepare), next.config.ts's headers, and gzip.
 */
import { register } from "node:module";
import { fileURLToPath } from "node:url";

const startedAt = performance.now();
// Next's server installs an uncaughtException handler that only logs (router-server.js): a start that
// fails (an invalid environment, a port in use) would end with exit code 0. Cleared once listening.
process.exitCode = 1;
// What `next start` sets, before Next or React is loaded (Next's types make it read-only).
// eslint-disable-next-line no-restricted-properties -- the process's own environment, not configuration read
Object.assign(process.env, { NODE_ENV: "production" });
// `import "server-only"` keeps server modules out of browser bundles. Next resolves it to nothing on the
// server, and so does this hook for the modules imported below; without it the marker throws.
register(
  "data:text/javascript," +
    encodeURIComponent(
      'export function resolve(specifier, context, next) { return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context); }',
    ),
);

const [{ createServer }, { default: next }] = await Promise.all([import("node:http"), import("next")]);
const app = next({ dev: false, dir: fileURLToPath(new URL("..", import.meta.url)) });
await app.prepare();
const answerWithNext = app.getRequestHandler();

// After prepare(), which loads the .env files as `next start` does: env.ts reads the environment once.
const [{ env }, { graphqlEndpoint }, { nodeGraphqlHandler }, { getLogger }, headers] = await Promise.all([
  import("./env"),
  import("./server/graphql/route-handler"),
  import("./server/graphql/node-handler"),
  import("./server/log"),
  import("./security-headers"),
]);
const log = getLogger();
const answerGraphql = nodeGraphqlHandler(graphqlEndpoint, {
  headers: Object.fromEntries(
    [...headers.SECURITY_HEADERS, headers.API_CONTENT_SECURITY_POLICY].map(({ key, value }) => [key, value]),
  ),
  onError: (error) => log.error("graphql request failed", { error }),
});

const server = createServer((req, res) => {
  const path = req.url?.split("?", 1)[0];
  if (path === "/api/graphql" && (req.method === "POST" || req.method === "GET")) answerGraphql(req, res);
  else void answerWithNext(req, res);
});
server.once("error", (error) => {
  log.error(`cannot listen on port ${env.PORT}`, { error });
  process.exit(1);
});
server.listen(env.PORT, () => {
  process.exitCode = 0;
  console.log(`✓ Ready in ${Math.round(performance.now() - startedAt)}ms on port ${env.PORT}`);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
