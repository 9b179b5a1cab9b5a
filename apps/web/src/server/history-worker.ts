/**
 * A history reader thread (history-pool.ts): answers traffic_history requests from its own read-only
 * connection, so a long read never holds the web server's event loop (docs/database.md, "Reading history").
 */
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@patronus/core/db";
import { isDomainError } from "@patronus/core/errors";
import { answerHistory, type HistoryReply, type HistoryRequest } from "./history-protocol";

const port = parentPort!;
const { db } = openDatabase((workerData as { file: string }).file, { readonly: true });

port.on("message", ({ id, request }: { id: number; request: HistoryRequest }) => {
  port.postMessage({ id, ...answer(request) } satisfies HistoryReply & { id: number });
});
port.postMessage({ ready: true });

function answer(request: HistoryRequest): HistoryReply {
  try {
    return { ok: true, result: answerHistory(db, request) };
  } catch (error) {
    if (isDomainError(error))
      return { ok: false, error: { code: error.code, message: error.message, field: error.field } };
    return { ok: false, error: { message: error instanceof Error ? error.message : String(error) } };
  }
}
