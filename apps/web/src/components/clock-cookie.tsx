"use client";

import { useEffect } from "react";
import { CLOCK_COOKIE, clockCookieValue } from "./time-ticks";

const YEAR_S = 365 * 24 * 60 * 60;

/**
 * Tells the server this browser's locale and time zone in a cookie, so a chart the server draws
 * labels its time axis as the browser will (docs/architecture.md, "Chart speed"). Renders nothing.
 */
export function ClockCookie() {
  useEffect(() => {
    const { locale, timeZone: zone } = Intl.DateTimeFormat().resolvedOptions();
    const cookie = `${CLOCK_COOKIE}=${clockCookieValue({ locale, zone })}`;
    if (!document.cookie.split("; ").includes(cookie)) {
      document.cookie = `${cookie}; path=/; max-age=${YEAR_S}; samesite=lax`;
    }
  }, []);
  return null;
}
