/**
 * Test helper for races between processes. `tsx race-worker.ts N TASK ROUNDS_JSON` forks N processes;
 * for each round ({ file, arg }) all of them open the file, then run TASK at the same moment. It prints
 * every round's outcomes as a JSON array of arrays. Tasks: `migrate`, and `delete-site` (arg: site id).
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { openDatabase, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { NotFoundError } from "../errors";
import { deleteSite } from "../sites/delete-site";

export interface Round {
  file: string;
  arg?: string;
}

const tasks: Record<string, (db: Db, arg: string | undefined) => string> = {
  migrate(db) {
    migrateDatabase(db);
    return "migrated";
  },
  "delete-site"(db, siteId) {
    try {
      deleteSite(db, { siteId: siteId!, actor: `worker-${process.pid}` });
      return "deleted";
    } catch (error) {
      if (error instanceof NotFoundError) return "not_found";
      throw error;
    }
  },
};

const [count, task, roundsJson] = process.argv.slice(2) as [string, string, string];

function next<T>(child: { once(event: "message", listener: (message: T) => void): unknown }): Promise<T> {
  return new Promise((resolve) => child.once("message", resolve));
}

if (count === "child") {
  let open: { handle: ReturnType<typeof openDatabase>; arg?: string } | undefined;
  process.on("message", (message: { open?: Round; go?: true; exit?: true }) => {
    if (message.open) {
      open = { handle: openDatabase(message.open.file), arg: message.open.arg };
      process.send!("ready");
    } else if (message.go && open) {
      let outcome: string;
      try {
        outcome = tasks[task]!(open.handle.db, open.arg);
      } catch (error) {
        outcome = `error: ${(error as Error).message.split("\n")[0]}`;
      }
      open.handle.close();
      process.send!(outcome);
    } else {
      process.exit(0);
    }
  });
} else {
  const self = fileURLToPath(import.meta.url);
  const children = Array.from({ length: Number(count) }, () =>
    fork(self, ["child", task, "[]"], { execArgv: process.execArgv }),
  );
  const results: string[][] = [];
  for (const round of JSON.parse(roundsJson) as Round[]) {
    const ready = children.map((child) => next(child));
    for (const child of children) child.send({ open: round });
    await Promise.all(ready);
    const outcomes = children.map((child) => next<string>(child));
    for (const child of children) child.send({ go: true });
    results.push(await Promise.all(outcomes));
  }
  for (const child of children) child.send({ exit: true });
  console.log(JSON.stringify(results));
}
