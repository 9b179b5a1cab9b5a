import "server-only";
import { cookies } from "next/headers";
import { CLOCK_COOKIE, parseClock, type Clock } from "~/components/time-ticks";

/** The reader's locale and time zone from their browser's cookie (clock-cookie.tsx), if it sent a good one. */
export async function readerClock(): Promise<Clock | undefined> {
  return parseClock((await cookies()).get(CLOCK_COOKIE)?.value);
}
