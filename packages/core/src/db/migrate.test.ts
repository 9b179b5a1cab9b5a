import { describe, expect, it } from "vitest";
import { createTestDb } from "../testing";

describe("migrations", () => {
  it("creates every table the spec names", () => {
    const t = createTestDb();
    const rows = t.db.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name` as never);
    t.destroy();
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(["sdwan_policy_stats", "sdwan_sites"]));
  });
});
