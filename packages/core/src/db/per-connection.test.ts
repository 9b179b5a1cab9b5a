import { describe, expect, it } from "vitest";
import { createTestDb } from "../testing";
import { driverOf } from "../traffic/stats/rollups";
import { perConnection } from "./per-connection";

describe("perConnection", () => {
  it("prepares once for each connection and hands back the same statements after", () => {
    const [a, b] = [createTestDb(), createTestDb()];
    try {
      const prepares: unknown[] = [];
      const countOf = perConnection((db: typeof a.db) => {
        prepares.push(db);
        return driverOf(db).prepare("SELECT count(*) AS n FROM sdwan_sites");
      });
      expect(countOf(a.db)).toBe(countOf(a.db));
      expect(countOf(b.db)).not.toBe(countOf(a.db));
      expect(prepares).toEqual([a.db, b.db]);
      expect(countOf(b.db).get()).toEqual({ n: 0 });
    } finally {
      a.destroy();
      b.destroy();
    }
  });
});
