/**
 * The baselines of api-throughput.bench.ts, run in a process of their own as `next start` is:
 * `tsx api-baselines.ts <apollo|http> <database file> <port>`, on 127.0.0.1.
 * - apollo: a bare Apollo Server 5 (startStandaloneServer) with the release note's fields, reading the
 *   same SQLite rows on every request through core's listPolicies and the latest snapshots;
 * - http: plain node:http answering the same JSON from the same reads, with no GraphQL at all.
 */
import { createServer } from "node:http";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { openDatabase, type Db } from "@patronus/core/db";
import { listPolicies } from "@patronus/core/policies";
import { getLatestStatsOfAllPolicies } from "@patronus/core/traffic/stats";

const [mode, file, port] = process.argv.slice(2);
if ((mode !== "apollo" && mode !== "http") || !file || !port)
  throw new Error("usage: <apollo|http> <database file> <port>");
const { db } = openDatabase(file, { readonly: true });

/** What `{ policies { id priority packets_matched bytes_matched } }` answers, read afresh. */
function policiesWithCounters(db: Db) {
  const latest = new Map(getLatestStatsOfAllPolicies(db).map((row) => [row.policy_id, row]));
  return listPolicies(db).map((p) => ({
    id: String(p.policy_id),
    priority: p.priority,
    packets_matched: latest.get(p.policy_id)?.packets_matched ?? 0,
    bytes_matched: latest.get(p.policy_id)?.bytes_matched ?? 0,
  }));
}

if (mode === "apollo") {
  const server = new ApolloServer({
    typeDefs: `type Query { policies: [Policy!]! }
      type Policy { id: ID! priority: Int! packets_matched: Float! bytes_matched: Float! }`,
    resolvers: { Query: { policies: () => policiesWithCounters(db) } },
  });
  await startStandaloneServer(server, { listen: { port: Number(port), host: "127.0.0.1" } });
} else {
  const server = createServer((req, res) => {
    void (async () => {
      let body = "";
      for await (const chunk of req) body += String(chunk);
      const { query } = JSON.parse(body) as { query: string };
      const data = query.includes("policies") ? { policies: policiesWithCounters(db) } : { __typename: "Query" };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data }));
    })();
  });
  server.listen(Number(port), "127.0.0.1");
}
