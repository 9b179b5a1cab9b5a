import type { Db } from "@patronus/core/db";
import type { DomainErrorCode } from "@patronus/core/errors";
import { getPolicySparklines, getTrafficHistory, getTrafficHistoryWithPolicies } from "@patronus/core/traffic/stats";

/** The reads a history reader thread (history-worker.ts) answers, by the kind a request names. */
const READS = {
  totals: getTrafficHistory,
  with_policies: getTrafficHistoryWithPolicies,
  sparklines: getPolicySparklines,
};
type Reads = typeof READS;
export type HistoryKind = keyof Reads;

/** What the web server asks a history reader thread. */
export type HistoryRequest<K extends HistoryKind = HistoryKind> = {
  [Kind in K]: { kind: Kind; params: Parameters<Reads[Kind]>[1] };
}[K];

export type HistoryResult<K extends HistoryKind = HistoryKind> = ReturnType<Reads[K]>;

/** Its answer: the read's result, or the error the read threw, as plain data to cross the thread boundary. */
export type HistoryReply =
  | { ok: true; result: HistoryResult }
  | { ok: false; error: { code?: DomainErrorCode; message: string; field?: string } };

/** The read a request names, wherever it runs. */
export function answerHistory<K extends HistoryKind>(db: Db, request: HistoryRequest<K>): HistoryResult<K> {
  const read = READS[request.kind] as (db: Db, params: HistoryRequest<K>["params"]) => HistoryResult<K>;
  return read(db, request.params);
}
