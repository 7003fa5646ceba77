import { TZDate } from "@date-fns/tz";
import { addDays, addHours, addWeeks, format, startOfDay, startOfHour, startOfWeek } from "date-fns";
import { DAY_MS, HOUR_MS } from "@/lib/calls";

/**
 * Time buckets of the analytics charts, in the display zone. SQL groups calls by local hour, computed as
 * (started_at_ms + offset) / 3_600_000 with the zone's UTC offset; the offset is constant only between DST
 * transitions, so a range is first split into offset segments and each segment is queried with its own offset.
 */

export type BucketUnit = "hour" | "day" | "week";

type OffsetSegment = { fromMs: number; toMs: number; offsetMs: number };
type TimeBucket = { startMs: number; endMs: number; label: string };

/** The zone's UTC offset at an instant, in ms (Asia/Shanghai: +28_800_000). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  return -new TZDate(ms, timeZone).getTimezoneOffset() * 60_000;
}

/** [from, to) cut where the zone's offset changes; one segment for zones without DST. */
export function offsetSegments(fromMs: number, toMs: number, timeZone: string): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  let start = fromMs;
  let offset = zoneOffsetMs(fromMs, timeZone);
  // Transitions are months apart: probing daily and bisecting finds each one to the millisecond.
  const last = toMs - 1;
  let probe = fromMs;
  while (probe < last) {
    const next = Math.min(probe + DAY_MS, last);
    if (zoneOffsetMs(next, timeZone) === offset) {
      probe = next;
      continue;
    }
    let lo = probe;
    let hi = next;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zoneOffsetMs(mid, timeZone) === offset) lo = mid;
      else hi = mid;
    }
    segments.push({ fromMs: start, toMs: hi, offsetMs: offset });
    start = hi;
    offset = zoneOffsetMs(hi, timeZone);
    probe = hi;
  }
  segments.push({ fromMs: start, toMs, offsetMs: offset });
  return segments;
}

/** Hour buckets up to two days, day buckets up to two months, weeks beyond. */
export function chooseBucketUnit(fromMs: number, toMs: number): BucketUnit {
  const span = toMs - fromMs;
  if (span <= 2 * DAY_MS + HOUR_MS) return "hour";
  if (span <= 62 * DAY_MS + HOUR_MS) return "day";
  return "week";
}

/** Buckets covering [from, to) in the zone (weeks start on Monday); the first and last are clipped to the range. */
export function listBuckets(fromMs: number, toMs: number, unit: BucketUnit, timeZone: string): TimeBucket[] {
  const start = new TZDate(fromMs, timeZone);
  let cursor: TZDate = unit === "hour" ? startOfHour(start) : unit === "day" ? startOfDay(start) : startOfWeek(start, { weekStartsOn: 1 });
  const step = (d: TZDate) => (unit === "hour" ? addHours(d, 1) : unit === "day" ? addDays(d, 1) : addWeeks(d, 1));
  const buckets: TimeBucket[] = [];
  while (cursor.getTime() < toMs) {
    const next = step(cursor);
    buckets.push({
      startMs: Math.max(cursor.getTime(), fromMs),
      endMs: Math.min(next.getTime(), toMs),
      label: formatBucketLabel(cursor, unit),
    });
    cursor = next;
  }
  return buckets;
}

function formatBucketLabel(d: TZDate, unit: BucketUnit): string {
  if (unit === "hour") return format(d, "MMM d HH:00");
  if (unit === "day") return format(d, "EEE MMM d");
  return `Week of ${format(d, "MMM d")}`;
}

/**
 * A local hour key (floor((ms + offset) / 1h), as SQL computes it) read as wall-clock fields. Weekday 0 = Monday.
 */
export function localHourParts(localHourKey: number): { weekday: number; hour: number; localDay: number } {
  const wall = new Date(localHourKey * HOUR_MS);
  return { weekday: (wall.getUTCDay() + 6) % 7, hour: wall.getUTCHours(), localDay: Math.floor(localHourKey / 24) };
}

/** The instant the display-zone hour containing `ms` started (exact in half-hour zones and repeated DST hours). */
export function localHourStartMs(ms: number, timeZone: string): number {
  const offset = zoneOffsetMs(ms, timeZone);
  return Math.floor((ms + offset) / HOUR_MS) * HOUR_MS - offset;
}

/** The local day number (days since 1970-01-01 on the zone's calendar) of an instant. */
export function localDayOf(ms: number, timeZone: string): number {
  return Math.floor((ms + zoneOffsetMs(ms, timeZone)) / DAY_MS);
}

/** The local day number of the Monday that starts the week of a local day. 1970-01-01 was a Thursday. */
export function weekStartDay(localDay: number): number {
  return localDay - ((((localDay + 3) % 7) + 7) % 7);
}
