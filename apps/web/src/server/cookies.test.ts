import { describe, expect, it } from "vitest";
import { cookiesOf } from "./cookies";

describe("cookiesOf", () => {
  it("reads each name=value pair of a Cookie header", () => {
    expect(cookiesOf("a=1; next-auth.session-token=eyJ.x-y_z; b=")).toEqual(
      new Map([
        ["a", "1"],
        ["next-auth.session-token", "eyJ.x-y_z"],
        ["b", ""],
      ]),
    );
  });

  it("keeps everything after the first = as the value, URL-decoded", () => {
    expect(cookiesOf("t=abc==; u=a%20b%3Bc")).toEqual(
      new Map([
        ["t", "abc=="],
        ["u", "a b;c"],
      ]),
    );
  });

  it("keeps the last of a repeated name, as Next's request cookies do", () => {
    expect(cookiesOf("s=first; s=second").get("s")).toBe("second");
  });

  it("skips pairs without a name or that do not decode, and reads no header as none", () => {
    expect(cookiesOf("=orphan; flag; bad=%E0%A4%A; ok=1")).toEqual(new Map([["ok", "1"]]));
    expect(cookiesOf(null)).toEqual(new Map());
    expect(cookiesOf("")).toEqual(new Map());
  });
});
