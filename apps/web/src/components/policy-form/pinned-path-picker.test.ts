import { describe, expect, it } from "vitest";
import { pathLabels } from "./pinned-path-picker";

describe("pathLabels", () => {
  it("names each path by its sites and endpoints, sorted by that name", () => {
    const labels = pathLabels({
      sites: [
        { id: "1", name: "HQ", endpoints: [{ id: "10", address: "198.51.100.1", interface_kind: "fiber" }] },
        { id: "2", name: "Branch", endpoints: [{ id: "20", address: "2001:db8::1", interface_kind: "lte" }] },
      ],
      paths: [
        { id: "5", source_endpoint_id: 10, destination_endpoint_id: 20, status: "up" },
        { id: "6", source_endpoint_id: 20, destination_endpoint_id: 10, status: "degraded" },
      ],
    });
    expect(labels).toEqual([
      { id: "6", label: "Branch → HQ (2001:db8::1 lte → 198.51.100.1 fiber, degraded)" },
      { id: "5", label: "HQ → Branch (198.51.100.1 fiber → 2001:db8::1 lte, up)" },
    ]);
  });

  it("falls back to the path's id when an end is not among the sites read", () => {
    const labels = pathLabels({
      sites: [],
      paths: [{ id: "5", source_endpoint_id: 10, destination_endpoint_id: 20, status: "down" }],
    });
    expect(labels).toEqual([{ id: "5", label: "path 5 (down)" }]);
  });
});
