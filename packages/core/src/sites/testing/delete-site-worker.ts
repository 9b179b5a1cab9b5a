/**
 * Test helper: `tsx delete-site-worker.ts DB SITE N` forks N processes that each delete SITE from DB at
 * the same moment and prints their outcomes as a JSON array. A forked child is told DB and SITE only.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../db/client";
import { NotFoundError } from "../../errors";
import { deleteSite } from "../delete-site";

const [file, siteId, count] = process.argv.slice(2) as [string, string, string | undefined];

if (count === undefined) {
  const { db, close } = openDatabase(file);
  // Wait for the parent's "go" so both children have paid their start-up cost before racing.
  process.once("message", () => {
    let outcome: string;
    try {
      deleteSite(db, { siteId, actor: `worker-${process.pid}` });
      outcome = "deleted";
    } catch (error) {
      outcome = error instanceof NotFoundError ? "not_found" : `error: ${(error as Error).message}`;
    }
    close();
    process.send!(outcome, () => process.exit(0));
  });
  process.send!("ready");
} else {
  const self = fileURLToPath(import.meta.url);
  const children = Array.from({ length: Number(count) }, () =>
    fork(self, [file, siteId], { execArgv: process.execArgv }),
  );
  const ready = children.map((child) => new Promise((resolve) => child.once("message", resolve)));
  await Promise.all(ready);
  const outcomes = children.map((child) => new Promise<string>((resolve) => child.once("message", resolve)));
  for (const child of children) child.send("go");
  console.log(JSON.stringify(await Promise.all(outcomes)));
}
