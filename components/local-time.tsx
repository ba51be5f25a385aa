"use client";

import { useSyncExternalStore } from "react";
import { formatFull, formatShort, validTimeZone } from "@/lib/tickets/time-format";

const subscribe = () => () => {};
const browserZone = () => validTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);

/**
 * An instant in the viewer's own time zone. The server renders it in the zone the browser reported
 * earlier (the `tz` cookie, see TimeZoneCookie), so hydration finds the same text and nothing
 * jumps; on a first visit the browser's zone replaces London once, right after hydration.
 */
export function LocalTime({ iso, zone }: { iso: string; zone: string }) {
  const viewerZone = useSyncExternalStore(subscribe, browserZone, () => zone);
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={formatFull(date, viewerZone)} suppressHydrationWarning>
      {formatShort(date, viewerZone)}
    </time>
  );
}
