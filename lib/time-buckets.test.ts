import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/calls";
import { chooseBucketUnit, listBuckets, localHourStartMs, offsetSegments, weekStartDay, zoneOffsetMs } from "./time-buckets";

const utc = (iso: string) => Date.parse(iso);

describe("offsetSegments", () => {
  it("is one segment in a zone without DST", () => {
    expect(offsetSegments(utc("2026-01-01T00:00:00Z"), utc("2026-12-31T00:00:00Z"), "Asia/Shanghai")).toEqual([
      { fromMs: utc("2026-01-01T00:00:00Z"), toMs: utc("2026-12-31T00:00:00Z"), offsetMs: 8 * 3_600_000 },
    ]);
  });

  it("splits at each DST change to the millisecond", () => {
    const segs = offsetSegments(utc("2026-03-01T00:00:00Z"), utc("2026-12-01T00:00:00Z"), "Europe/Berlin");
    expect(segs.map((s) => [new Date(s.fromMs).toISOString(), s.offsetMs / 3_600_000])).toEqual([
      ["2026-03-01T00:00:00.000Z", 1],
      ["2026-03-29T01:00:00.000Z", 2],
      ["2026-10-25T01:00:00.000Z", 1],
    ]);
    expect(segs.at(-1)!.toMs).toBe(utc("2026-12-01T00:00:00Z"));
  });

  it("handles a transition right at the end of the range", () => {
    const segs = offsetSegments(utc("2026-10-25T00:00:00Z"), utc("2026-10-25T01:00:00.001Z"), "Europe/Berlin");
    expect(segs).toHaveLength(2);
    expect(segs[1]).toEqual({ fromMs: utc("2026-10-25T01:00:00Z"), toMs: utc("2026-10-25T01:00:00.001Z"), offsetMs: 3_600_000 });
  });
});

describe("buckets", () => {
  it("chooses hours up to two days, days up to two months, then weeks", () => {
    expect(chooseBucketUnit(0, 2 * DAY_MS)).toBe("hour");
    expect(chooseBucketUnit(0, 7 * DAY_MS)).toBe("day");
    expect(chooseBucketUnit(0, 31 * DAY_MS)).toBe("day");
    expect(chooseBucketUnit(0, 90 * DAY_MS)).toBe("week");
  });

  it("lists local days and Monday weeks in the zone, clipped to the range", () => {
    const days = listBuckets(utc("2026-11-26T16:00:00Z"), utc("2026-11-28T16:00:00Z"), "day", "Asia/Shanghai");
    expect(days.map((d) => [d.label, new Date(d.startMs).toISOString()])).toEqual([
      ["Fri Nov 27", "2026-11-26T16:00:00.000Z"],
      ["Sat Nov 28", "2026-11-27T16:00:00.000Z"],
    ]);
    const weeks = listBuckets(utc("2026-11-26T16:00:00Z"), utc("2026-12-10T16:00:00Z"), "week", "Asia/Shanghai");
    expect(weeks.map((w) => w.label)).toEqual(["Week of Nov 23", "Week of Nov 30", "Week of Dec 7"]);
    expect(weeks[0]!.startMs).toBe(utc("2026-11-26T16:00:00Z"));
  });

  it("finds the start of a local hour in half-hour zones and Monday of a local day", () => {
    expect(zoneOffsetMs(0, "Asia/Kolkata")).toBe(5.5 * 3_600_000);
    expect(new Date(localHourStartMs(utc("2026-11-27T10:10:00Z"), "Asia/Kolkata")).toISOString()).toBe("2026-11-27T09:30:00.000Z");
    expect(weekStartDay(0)).toBe(-3); // 1970-01-01 (Thu) → Mon 1969-12-29
    expect(weekStartDay(4)).toBe(4); // 1970-01-05 was a Monday
  });
});
