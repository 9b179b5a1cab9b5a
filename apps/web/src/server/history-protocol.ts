import type { Db } from "@patronus/core/db";
import type { DomainErrorCode } from "@patronus/core/errors";
import {
  getTrafficHistory,
  getTrafficHistoryWithPolicies,
  type PolicyTrafficHistory,
  type TrafficHistory,
  type TrafficHistoryParams,
} from "@patronus/core/traffic/stats";

/** What the web server asks a history reader thread (history-worker.ts). */
export type HistoryRequest =
  { kind: "totals"; params: TrafficHistoryParams } | { kind: "with_policies"; params: TrafficHistoryParams };

export type HistoryResult = TrafficHistory & { by_policy?: PolicyTrafficHistory[] };

/** Its answer: the history, or the error the read threw, as plain data to cross the thread boundary. */
export type HistoryReply =
  | { ok: true; result: HistoryResult }
  | { ok: false; error: { code?: DomainErrorCode; message: string; field?: string } };

/** The read a request names, wherever it runs. */
export function answerHistory(db: Db, request: HistoryRequest): HistoryResult {
  return request.kind === "totals"
    ? getTrafficHistory(db, request.params)
    : getTrafficHistoryWithPolicies(db, request.params);
}
