"use client";

import { useEffect } from "react";
import { TIME_ZONE_COOKIE, validTimeZone } from "@/lib/tickets/time-format";

/** Tells the server the browser's time zone, so that the next page is rendered in it. */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = validTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const current = document.cookie.split("; ").find((item) => item.startsWith(`${TIME_ZONE_COOKIE}=`));
    if (current !== `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}`) {
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    }
  }, []);
  return null;
}
