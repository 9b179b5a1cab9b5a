import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { databaseFile, type Db } from "@patronus/core/db";
import { ConflictError, NotFoundError, ValidationError, type DomainErrorCode } from "@patronus/core/errors";
import { GraphQLError } from "graphql";
import {
  answerHistory,
  type HistoryKind,
  type HistoryReply,
  type HistoryRequest,
  type HistoryResult,
} from "./history-protocol";

/**
 * Long history reads run on reader threads, each with its own read-only connection: better-sqlite3 is
 * synchronous, and a year's by-policy read on the server's one thread held every other request for
 * seconds (docs/database.md, "Reading history"). Two threads, so one long read does not queue a short one.
 */
const THREADS = 2;
/** Past this a read is abandoned and its thread replaced: SQLite cannot stop a query from outside. */
const TIMEOUT_MS = 30_000;

// Built from the module's path rather than `new URL("./history-worker.ts", import.meta.url)`, which
// bundlers would try to bundle as a worker: the thread runs the TypeScript source through tsx.
const workerFile = join(dirname(fileURLToPath(import.meta.url)), "history-worker.ts");

/**
 * The thread's first lines, plain CommonJS: registers tsx (resolved from the worker's own folder) and
 * loads the worker. tsx's ESM entry, since its CommonJS one loads its hooks by a relative path that
 * breaks inside a thread.
 */
const BOOT = `
const { workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const { pathToFileURL } = require("node:url");
const api = createRequire(workerData.entry).resolve("tsx/esm/api").replace(/\\.cjs$/, ".mjs");
import(pathToFileURL(api).href)
  .then(({ register }) => { register(); return import(pathToFileURL(workerData.entry).href); });
`;

export interface HistoryPool {
  read<K extends HistoryKind>(request: HistoryRequest<K>): Promise<HistoryResult<K>>;
  /** Whether a thread has loaded and can answer at once; starts one if none is running. */
  ready(): boolean;
  /** Stops every thread; reads still running fail with HISTORY_UNAVAILABLE. */
  close(): Promise<void>;
}

interface Pending {
  resolve: (result: HistoryResult) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  booted: boolean;
}

const unavailable = (why: string) =>
  new GraphQLError(`The traffic history could not be read: ${why}. Try again.`, {
    extensions: { code: "HISTORY_UNAVAILABLE" },
  });

/** Reader threads over one database file. */
export function createHistoryPool({
  file,
  threads = THREADS,
  timeoutMs = TIMEOUT_MS,
  entry = workerFile,
}: {
  file: string;
  threads?: number;
  timeoutMs?: number;
  entry?: string;
}): HistoryPool {
  const slots: (Thread | undefined)[] = Array.from({ length: threads }, () => undefined);
  let nextId = 1;
  let closed = false;

  function stop(thread: Thread, error: Error): Promise<number> {
    const slot = slots.indexOf(thread);
    if (slot >= 0) slots[slot] = undefined;
    for (const { reject, timer } of thread.pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    thread.pending.clear();
    return thread.worker.terminate();
  }

  function spawn(slot: number): Thread {
    const worker = new Worker(BOOT, { eval: true, workerData: { file, entry } });
    worker.unref(); // never what keeps the process up
    const thread: Thread = { worker, pending: new Map(), booted: false };
    worker.on("message", (message: ({ id: number } & HistoryReply) | { ready: true }) => {
      if (!("id" in message)) {
        thread.booted = true;
        return;
      }
      const waiting = thread.pending.get(message.id);
      if (!waiting) return; // timed out meanwhile
      thread.pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(rebuildError(message.error));
    });
    worker.on("error", (error) => void stop(thread, unavailable(`its reader failed (${error.message})`)));
    worker.on("exit", () => void stop(thread, unavailable("its reader stopped")));
    slots[slot] = thread;
    return thread;
  }

  /** The thread with the fewest reads waiting; another is started only when every one is busy. */
  function pick(): Thread {
    const running = slots.filter((t): t is Thread => t !== undefined);
    const idlest = running.sort((a, b) => a.pending.size - b.pending.size)[0];
    const free = slots.indexOf(undefined);
    if (free >= 0 && (idlest === undefined || idlest.pending.size > 0)) return spawn(free);
    return idlest!;
  }

  return {
    ready() {
      if (!closed && slots.every((t) => t === undefined)) spawn(0);
      return slots.some((t) => t?.booted);
    },
    read<K extends HistoryKind>(request: HistoryRequest<K>) {
      if (closed) return Promise.reject(unavailable("the server is shutting down"));
      const thread = pick();
      const id = nextId++;
      return new Promise<HistoryResult<K>>((resolve, reject) => {
        const timer = setTimeout(() => {
          thread.pending.delete(id);
          reject(
            new GraphQLError(
              `The traffic history took longer than ${timeoutMs / 1000} s to read. Try a shorter range or fewer buckets.`,
              { extensions: { code: "HISTORY_TIMEOUT" } },
            ),
          );
          void stop(thread, unavailable("a read before it took too long"));
        }, timeoutMs);
        thread.pending.set(id, { resolve: resolve as (result: HistoryResult) => void, reject, timer });
        thread.worker.postMessage({ id, request });
      });
    },
    async close() {
      closed = true;
      const running = slots.filter((t): t is Thread => t !== undefined);
      await Promise.all(running.map((t) => stop(t, unavailable("the server is shutting down"))));
    },
  };
}

const DOMAIN_ERRORS: Record<DomainErrorCode, new (message: string, field?: string) => Error> = {
  VALIDATION: ValidationError,
  NOT_FOUND: NotFoundError,
  CONFLICT: ConflictError,
};

/**
 * Core's typed errors come back as the same classes, so the API reports them as if read in-thread;
 * anything else stays a plain error, which the API hides behind a reference (its message may hold SQL).
 */
function rebuildError({ code, message, field }: { code?: DomainErrorCode; message: string; field?: string }): Error {
  return code ? new DOMAIN_ERRORS[code](message, field) : new Error(message);
}

const holder = globalThis as typeof globalThis & { __patronusHistoryPools?: Map<string, HistoryPool> };

/**
 * The history read `request` names, from `db`: on the file's reader threads, so the server's thread only
 * takes in a chart-sized answer (docs/architecture.md, "History reader threads"). In-thread for an
 * in-memory database (no other connection can open it), and for totals while the first thread loads after
 * a start (seconds on a loaded machine; a totals read is one row a bucket, tens of ms). Reads over every
 * policy wait for the thread instead: in-thread they held the loop for seconds.
 */
export function readTrafficHistory<K extends HistoryKind>(
  db: Db,
  request: HistoryRequest<K>,
): Promise<HistoryResult<K>> {
  const file = databaseFile(db);
  if (file === ":memory:" || file === "") return Promise.resolve(readInThread(db, request));

  const pool = historyPoolOf(file);
  const waitForThread = pool.ready() || request.kind !== "totals";
  return waitForThread ? pool.read(request) : Promise.resolve(readInThread(db, request));
}

/** The reader threads of `file`, started on first use with `options` (the benches' longer timeout). */
export function historyPoolOf(file: string, options: { timeoutMs?: number } = {}): HistoryPool {
  let pools = holder.__patronusHistoryPools;
  if (!pools) {
    holder.__patronusHistoryPools = pools = new Map();
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void closeHistoryPools());
  }
  let pool = pools.get(file);
  if (!pool) pools.set(file, (pool = createHistoryPool({ file, ...options })));
  return pool;
}

/** The same read on the calling thread: for in-memory databases, and the benches' baseline. */
export function readInThread<K extends HistoryKind>(db: Db, request: HistoryRequest<K>): HistoryResult<K> {
  return answerHistory(db, request);
}

/** Stops every pool's threads: at shutdown, and in tests. */
export async function closeHistoryPools(): Promise<void> {
  const pools = holder.__patronusHistoryPools;
  if (!pools) return;
  holder.__patronusHistoryPools = undefined;
  await Promise.all([...pools.values()].map((p) => p.close()));
}
