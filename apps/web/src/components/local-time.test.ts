import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LocalTime } from "./local-time";

describe("LocalTime", () => {
  it("renders UTC, named, where the server renders it, since the reader's zone is not known there", () => {
    const at = Date.UTC(2026, 10, 30, 21, 5, 42);
    expect(renderToStaticMarkup(createElement(LocalTime, { at }))).toBe(
      '<time dateTime="2026-11-30T21:05:42.000Z">2026-11-30 21:05 UTC</time>',
    );
  });
});
