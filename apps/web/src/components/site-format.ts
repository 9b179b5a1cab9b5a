/** A time in the browser's locale with its time zone, so nobody has to guess which zone it is in. */
export const formatTime = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short", timeZoneName: "short" });
