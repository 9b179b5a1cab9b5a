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

  it("raises a policy moved up just above its new neighbour, and changes no other", () => {
    expect(reorderPriorities(policies, ["1", "3", "2"])).toEqual([{ policy_id: "3", priority: 501 }]);
  });

  it("lowers a policy moved to the bottom rather than raising every policy it passed", () => {
    expect(reorderPriorities(policies, ["2", "3", "1"])).toEqual([{ policy_id: "1", priority: 99 }]);
  });

  it("leaves ties elsewhere in the list alone: the matcher breaks them by id, as before", () => {
    const withTie = [
      { id: "1", priority: 900 },
      { id: "2", priority: 900 },
      { id: "3", priority: 200 },
      { id: "4", priority: 100 },
    ];

    expect(reorderPriorities(withTie, ["1", "2", "4", "3"])).toEqual([{ policy_id: "4", priority: 201 }]);
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

  it("hands the priorities out again when moving one would leave 0-1000", () => {
    const ends = [
      { id: "1", priority: 1000 },
      { id: "2", priority: 0 },
    ];

    expect(reorderPriorities(ends, ["2", "1"])).toEqual([
      { policy_id: "2", priority: 1000 },
      { policy_id: "1", priority: 0 },
    ]);
  });
});
