import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./safe-callback";

describe("the callback after sign-in", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(sameOriginPath("/policies?sort=priority#top")).toBe("/policies?sort=priority#top");
  });

  it.each([
    ["a tab a browser drops", "/\t/evil.example"],
    ["a newline a browser drops", "/\n/evil.example"],
    ["a backslash a browser reads as a slash", "/\\evil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["no path at all", ""],
  ])("sends %s home instead of off-site", (_, value) => {
    expect(sameOriginPath(value)).toBe("/");
  });

  it("sends a repeated parameter home", () => {
    expect(sameOriginPath(["/policies", "//evil.example"])).toBe("/");
  });
});
