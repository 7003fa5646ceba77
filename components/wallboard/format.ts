import { formatZonedTime } from "@/lib/time";

/** Time in state for a wallboard: `0:42`, `12:05`, `1:02:09`; empty when unknown. */
export function formatElapsed(ms: number | null): string {
  if (ms == null) return "";
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** `14:03:09` today, `11-27 23:58` on an earlier day, in the display zone. */
export function formatClock(ms: number, dayStartMs: number, timeZone: string): string {
  const text = formatZonedTime(ms, timeZone);
  return ms >= dayStartMs ? text.slice(11) : `${text.slice(5, 10)} ${text.slice(11, 16)}`;
}
