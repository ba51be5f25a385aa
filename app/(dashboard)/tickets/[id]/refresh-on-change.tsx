"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Keeps the page current: polls the ticket's version (often while something is on its way, such
 * as a HubSpot read or a write, otherwise now and then) and re-renders only when it moved.
 */
export function RefreshOnChange({ ticketId, version, waiting }: { ticketId: string; version: string; waiting: boolean }) {
  const router = useRouter();
  const current = useRef(version);
  useEffect(() => {
    current.current = version;
  }, [version]);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      if (document.visibilityState === "visible") {
        try {
          const response = await fetch(`/api/tickets/${ticketId}/version`, { cache: "no-store" });
          if (response.ok) {
            const { version: latest } = (await response.json()) as { version: string };
            if (!stopped && latest !== current.current) {
              current.current = latest;
              router.refresh();
            }
          }
        } catch {
          // Offline for a moment: the next poll tries again.
        }
      }
      if (!stopped) timer = setTimeout(poll, waiting ? 1500 : 15_000);
    };
    timer = setTimeout(poll, waiting ? 1000 : 15_000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [ticketId, waiting, router]);
  return null;
}
