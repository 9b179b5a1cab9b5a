"use client";

import { useInBrowser } from "./use-in-browser";

/** `at` in UTC, to the minute: "2026-11-30 21:05 UTC". */
export function utcText(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * A time in the reader's locale and zone, with its zone named. The server cannot know those, so what it
 * renders (and the page shows while it hydrates, or for good without scripts) is UTC, said as such.
 */
export function LocalTime({ at }: { at: number }) {
  const inBrowser = useInBrowser();
  return (
    <time dateTime={new Date(at).toISOString()}>
      {inBrowser ? new Date(at).toLocaleString(undefined, { timeZoneName: "short" }) : utcText(at)}
    </time>
  );
}
