/**
 * A time in the browser's locale with its time zone, so nobody has to guess which zone it is in.
 * Spelled out field by field: Intl refuses `timeZoneName` beside `dateStyle`/`timeStyle`.
 */
export const formatTime = (ms: number) =>
  new Date(ms).toLocaleString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  });
