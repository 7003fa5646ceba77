"use client";

import { useEffect, useState } from "react";
import { formatZoneLabel, formatZonedTime } from "@/lib/time";

/** The current time in a zone, ticking; the first render uses the server's instant so hydration matches. */
export function ZoneClock({ timeZone, serverNowMs }: { timeZone: string; serverNowMs: number }) {
  const [now, setNow] = useState(serverNowMs);
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  return (
    <span className="tabular-nums">
      {formatZonedTime(now, timeZone)} <span className="text-slate-600">({formatZoneLabel(timeZone, now)})</span>
    </span>
  );
}
