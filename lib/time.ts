import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

const VENDOR_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * Reads a wall-clock time `yyyy-mm-dd hh:mm:ss` in `timeZone` as UTC epoch ms.
 * Returns null for text that is not such a time or names an impossible date (2024-02-30).
 */
export function parseZonedTime(text: string, timeZone: string): number | null {
  const m = VENDOR_TIME.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const utcCheck = new Date(Date.UTC(year, month - 1, day));
  if (utcCheck.getUTCMonth() !== month - 1) return null;
  const ms = new TZDate(year, month - 1, day, hour, minute, second, timeZone).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** Formats UTC epoch ms as `yyyy-mm-dd hh:mm:ss` wall-clock time in `timeZone` (the vendor's own format). */
export function formatZonedTime(ms: number, timeZone: string): string {
  return format(new TZDate(ms, timeZone), "yyyy-MM-dd HH:mm:ss");
}

/** A call time for people: `2026-11-28 14:03:09`, in the display zone, never the host's. */
export function formatCallTime(ms: number | null | undefined, timeZone: string): string {
  return ms == null ? "" : formatZonedTime(ms, timeZone);
}

/** Short zone name for a column header, e.g. "GMT+8" or "CET". */
export function formatZoneLabel(timeZone: string, atMs = Date.now()): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" }).formatToParts(new Date(atMs));
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** Seconds as h:mm:ss (talk time, wait time). */
export function formatDuration(totalSec: number | null | undefined): string {
  if (totalSec == null || !Number.isFinite(totalSec)) return "";
  const s = Math.max(0, Math.round(totalSec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

/** Midnight (start of day) in `timeZone` of the day that contains `ms`, as UTC epoch ms. */
export function startOfZonedDay(ms: number, timeZone: string): number {
  const d = new TZDate(ms, timeZone);
  return new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), 0, 0, 0, timeZone).getTime();
}

/** A span for people: "45 s", "12 min", "3 h 20 min", "2 d 4 h". */
export function formatSpan(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}
