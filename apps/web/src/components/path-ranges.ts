import { minuteRanges } from "./traffic-ranges";

/** The path chart's ranges, for the page (which reads the first one on the server) and the chart. */
export const pathRanges = minuteRanges(15_000);
export type PathRangeKey = keyof typeof pathRanges;

export const isPathRangeKey = (key: string | undefined): key is PathRangeKey =>
  key !== undefined && Object.hasOwn(pathRanges, key);

/** What the chart asks PathDetail for: the page's server read asks the same. */
export function pathVariables(pathId: number, range: PathRangeKey, now: number) {
  const { ms, buckets } = pathRanges[range];
  return { path_id: pathId, from: now - ms, to: now, max_buckets: buckets };
}
