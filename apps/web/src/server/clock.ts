import "server-only";
import { cookies } from "next/headers";
import { CLOCK_COOKIE, parseClock, timeTicks, type TimeTick } from "~/components/time-ticks";

/**
 * The time axis's ticks over `domain`, labelled in the reader's locale and time zone from their
 * browser's cookie (clock-cookie.tsx); undefined when it sent no good one.
 */
export async function readerTimeTicks(domain: [number, number]): Promise<TimeTick[] | undefined> {
  const clock = parseClock((await cookies()).get(CLOCK_COOKIE)?.value);
  return clock && timeTicks(domain, clock);
}
