import type { Db } from "@patronus/core/db";

export interface Context {
  db: Db;
}

/** Pure: tests build a context directly; only the route knows about requests. */
export function createContext({ db }: { db: Db }): Context {
  return { db };
}
