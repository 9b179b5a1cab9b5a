import { describe, expect, it } from "vitest";
import { moveItem, reorderPriorities } from "./policy-reorder";

describe("moveItem", () => {
  it("swaps an item with its neighbour, and leaves the list alone at either end", () => {
    expect(moveItem(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("reorderPriorities", () => {
  const policies = [
    { id: "1", priority: 900 },
    { id: "2", priority: 500 },
    { id: "3", priority: 100 },
  ];

  it("hands the existing priorities out in the new order and lists only the policies that change", () => {
    expect(reorderPriorities(policies, ["1", "3", "2"])).toEqual([
      { policy_id: "3", priority: 500 },
      { policy_id: "2", priority: 100 },
    ]);
  });

  it("changes nothing for the order as it was", () => {
    expect(reorderPriorities(policies, ["1", "2", "3"])).toEqual([]);
  });

  it("makes tied priorities distinct, so the new order is the order the matcher applies", () => {
    const tied = [
      { id: "1", priority: 500 },
      { id: "2", priority: 500 },
      { id: "3", priority: 100 },
    ];

    expect(reorderPriorities(tied, ["2", "1", "3"])).toEqual([{ policy_id: "2", priority: 501 }]);
  });
});
