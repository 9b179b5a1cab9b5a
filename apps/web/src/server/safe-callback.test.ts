import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./safe-callback";

describe("the callback after sign-in", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(sameOriginPath("/policies?sort=priority#top")).toBe("/policies?sort=priority#top");
  });

  it("keeps a path on this site whose dot segments resolve to another path on this site", () => {
    expect(sameOriginPath("/a/../policies")).toBe("/policies");
  });

  it.each([
    ["a tab a browser drops", "/\t/evil.example"],
    ["a newline a browser drops", "/\n/evil.example"],
    ["a backslash a browser reads as a slash", "/\\evil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["no path at all", ""],
    ["a dot segment before a second slash", "/.//evil.example"],
    ["an encoded dot-dot segment before a second slash", "/%2e%2e//evil.example/x?y#z"],
    ["a segment undone by dot-dot before a second slash", "/a/..//evil.example"],
    ["an encoded single dot before a second slash", "/%2E//evil.example"],
  ])("sends %s home instead of off-site", (_, value) => {
    expect(sameOriginPath(value)).toBe("/");
  });

  it("sends a repeated parameter home", () => {
    expect(sameOriginPath(["/policies", "//evil.example"])).toBe("/");
  });
});
