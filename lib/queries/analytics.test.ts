import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, writeTransaction } from "@/db/client";
import { callFilterSchema, type CallFilter } from "@/lib/filters/call-filter";
import { upsertCall } from "@/lib/ingest/upsert-call";
import { makeCall, makeTempDb } from "@/lib/testing/temp-db";
import type { CallRecord } from "@/lib/calls";
import {
  getAnalytics,
  getCallSummary,
  getHangupCauseBreakdown,
  getHangupDirectionBreakdown,
  getTalkTimeHistogram,
  listAgentStats,
  listExtensionStats,
  listHourlyCounts,
  previousPeriod,
  resolveAnalyticsFilter,
  toBusyHours,
  toCallSeries,
  type RangedFilter,
} from "./analytics";

const SH = "Asia/Shanghai";
const utc = (iso: string) => Date.parse(iso);

// 2026-11-27 is a Friday. Shanghai is UTC+8: 16:00Z is Shanghai midnight.
const CALLS: Partial<CallRecord>[] = [
  // c1: Shanghai Fri 23:59, answered after 10 s, talked 90 s
  { vendorId: 1, startedAtMs: utc("2026-11-27T15:59:00Z"), answeredAtMs: utc("2026-11-27T15:59:10Z"), billSec: 90, durationSec: 100 },
  // c2: Shanghai Sat 00:01 (UTC still Friday), not answered after 30 s
  {
    vendorId: 2,
    startedAtMs: utc("2026-11-27T16:01:00Z"),
    answeredAtMs: null,
    billSec: 0,
    durationSec: 30,
    hangupCause: 10016,
    hangupDirection: "10040",
    extension: "8002",
    agent: "1002",
  },
  // c3: Shanghai Sat 10:00, answered after 5 s, talked 700 s
  { vendorId: 3, startedAtMs: utc("2026-11-28T02:00:00Z"), answeredAtMs: utc("2026-11-28T02:00:05Z"), billSec: 700, durationSec: 705, agent: "1002" },
  // c4: Shanghai Fri 09:00, busy after 20 s
  { vendorId: 4, startedAtMs: utc("2026-11-27T01:00:00Z"), answeredAtMs: null, billSec: 0, durationSec: 20, hangupCause: 10006 },
  // c5: the previous period (Shanghai Wed 10:00)
  { vendorId: 5, startedAtMs: utc("2026-11-25T02:00:00Z"), answeredAtMs: utc("2026-11-25T02:00:03Z"), billSec: 60, durationSec: 63 },
  // c6: after every range
  { vendorId: 6, startedAtMs: utc("2026-12-05T02:00:00Z"), billSec: 10 },
];

let db: Db;
let cleanup: () => void;
beforeAll(() => {
  ({ db, cleanup } = makeTempDb());
  writeTransaction(db, () => {
    for (const c of CALLS) {
      const record = makeCall(c);
      upsertCall(db, record, { payload: record });
    }
  });
});
afterAll(() => cleanup());

const filter = (over: Partial<CallFilter> & { from: number; to: number }): RangedFilter => ({ ...callFilterSchema.parse({}), ...over });
// Shanghai Fri 2026-11-27 00:00 → Sun 2026-11-29 00:00 (two days: hour buckets)
const twoDaysSh = filter({ from: utc("2026-11-26T16:00:00Z"), to: utc("2026-11-28T16:00:00Z") });

describe("resolveAnalyticsFilter", () => {
  it("defaults to the last 7 days of the display zone, today included, and compares with the 7 days before", () => {
    const now = utc("2026-11-28T03:00:00Z"); // Shanghai Sat 11:00
    const { filter: f, range } = resolveAnalyticsFilter(callFilterSchema.parse({}), SH, now);
    expect(new Date(f.from).toISOString()).toBe("2026-11-21T16:00:00.000Z");
    expect(new Date(f.to).toISOString()).toBe("2026-11-28T16:00:00.000Z");
    expect(range).toMatchObject({ isDefault: true, previousFromMs: utc("2026-11-14T16:00:00Z"), previousToMs: f.from });
  });

  it("keeps an explicit range and gives a half-open one a week", () => {
    const to = utc("2026-11-20T00:00:00Z");
    const { filter: f, range } = resolveAnalyticsFilter(callFilterSchema.parse({ to: "2026-11-20T00:00:00Z" }), SH);
    expect([f.from, f.to, range.isDefault]).toEqual([to - 7 * 86_400_000, to, false]);
  });
});

describe("getCallSummary", () => {
  it("counts calls, answered (billsec > 0), talk and wait exactly", () => {
    expect(getCallSummary(db, twoDaysSh)).toEqual({
      calls: 4,
      answered: 2,
      answerRate: 0.5,
      talkSec: 790,
      avgTalkSec: 395,
      // answered: 10 s and 5 s to answer; unanswered: 30 s and 20 s of duration
      avgWaitSec: (10 + 5 + 30 + 20) / 4,
      avgWaitAnsweredSec: 7.5,
      avgWaitMissedSec: 25,
    });
  });

  it("compares with the previous period of the same length", () => {
    const prev = previousPeriod(twoDaysSh);
    expect([prev.from, prev.to]).toEqual([utc("2026-11-24T16:00:00Z"), twoDaysSh.from]);
    expect(getCallSummary(db, prev)).toMatchObject({ calls: 1, answered: 1, talkSec: 60, avgWaitSec: 3 });
  });

  it("applies the shared filters and reports an empty period as nulls, not zeros", () => {
    expect(getCallSummary(db, { ...twoDaysSh, extension: ["8002"] })).toMatchObject({ calls: 1, answered: 0, answerRate: 0, avgTalkSec: null });
    expect(getCallSummary(db, filter({ from: 0, to: 1000 }))).toMatchObject({ calls: 0, answerRate: null, avgTalkSec: null, avgWaitSec: null });
  });
});

describe("hangup breakdowns", () => {
  it("counts each cause with its share and average talk time", () => {
    expect(getHangupCauseBreakdown(db, twoDaysSh)).toEqual([
      { key: 10001, calls: 2, answered: 2, talkSec: 790, share: 0.5, avgBillSec: 395 },
      { key: 10006, calls: 1, answered: 0, talkSec: 0, share: 0.25, avgBillSec: 0 },
      { key: 10016, calls: 1, answered: 0, talkSec: 0, share: 0.25, avgBillSec: 0 },
    ]);
  });

  it("counts each hangup side (the vendor's 10041 and 10040)", () => {
    expect(getHangupDirectionBreakdown(db, twoDaysSh).map((r) => [r.key, r.calls])).toEqual([
      ["callee", 3],
      ["caller", 1],
    ]);
  });
});

describe("getTalkTimeHistogram", () => {
  it("puts each call in its talk-time bucket, empty buckets included", () => {
    const h = getTalkTimeHistogram(db, twoDaysSh);
    expect(h).toHaveLength(9);
    expect(h.filter((b) => b.calls > 0).map((b) => [b.label, b.calls, b.talkSec])).toEqual([
      ["0 s", 2, 0],
      ["1–2 m", 1, 90],
      ["10–30 m", 1, 700],
    ]);
  });
});

describe("series and busy hours", () => {
  // Shanghai Thu 26 → Sun 29 00:00, and the same calendar days in UTC: three days, day buckets.
  const threeDaysSh = filter({ from: utc("2026-11-25T16:00:00Z"), to: utc("2026-11-28T16:00:00Z") });
  const threeDaysUtc = filter({ from: utc("2026-11-26T00:00:00Z"), to: utc("2026-11-29T00:00:00Z") });

  it("buckets days at the display zone's midnight: Shanghai vs UTC", () => {
    const sh = toCallSeries(listHourlyCounts(db, threeDaysSh, SH), threeDaysSh, SH);
    expect(sh.unit).toBe("day");
    expect(sh.points.map((p) => [p.label, p.calls, p.answered, p.talkSec])).toEqual([
      ["Thu Nov 26", 0, 0, 0],
      ["Fri Nov 27", 2, 1, 90],
      ["Sat Nov 28", 2, 1, 700],
    ]);
    const u = toCallSeries(listHourlyCounts(db, threeDaysUtc, "UTC"), threeDaysUtc, "UTC");
    expect(u.points.map((p) => [p.label, p.calls])).toEqual([
      ["Thu Nov 26", 0],
      ["Fri Nov 27", 3],
      ["Sat Nov 28", 1],
    ]);
    expect(u.points[1]).toMatchObject({ startMs: utc("2026-11-27T00:00:00Z"), endMs: utc("2026-11-28T00:00:00Z") });
  });

  it("uses hour buckets for two days and week buckets for long ranges", () => {
    const hours = toCallSeries(listHourlyCounts(db, twoDaysSh, SH), twoDaysSh, SH);
    expect(hours.unit).toBe("hour");
    expect(hours.points).toHaveLength(48);
    expect(hours.points.filter((p) => p.calls > 0).map((p) => [p.label, p.calls])).toEqual([
      ["Nov 27 09:00", 1],
      ["Nov 27 23:00", 1],
      ["Nov 28 00:00", 1],
      ["Nov 28 10:00", 1],
    ]);
    const long = filter({ from: utc("2026-10-31T16:00:00Z"), to: utc("2026-12-31T16:00:00Z") + 86_400_000 * 7 });
    const weeks = toCallSeries(listHourlyCounts(db, long, SH), long, SH);
    expect(weeks.unit).toBe("week");
    expect(weeks.points.filter((p) => p.calls > 0).map((p) => [p.label, p.calls])).toEqual([
      ["Week of Nov 23", 5],
      ["Week of Nov 30", 1],
    ]);
  });

  it("places calls on weekday × hour of the display zone", () => {
    const cells = (tz: string, f: RangedFilter) =>
      toBusyHours(listHourlyCounts(db, f, tz), f)
        .filter((c) => c.calls > 0)
        .map((c) => [c.weekday, c.hour, c.calls]);
    // Mon = 0: Friday is 4, Saturday 5
    expect(cells(SH, threeDaysSh)).toEqual([
      [4, 9, 1],
      [4, 23, 1],
      [5, 0, 1],
      [5, 10, 1],
    ]);
    expect(cells("UTC", threeDaysUtc)).toEqual([
      [4, 1, 1],
      [4, 15, 1],
      [4, 16, 1],
      [5, 2, 1],
    ]);
    const sat0 = toBusyHours(listHourlyCounts(db, threeDaysSh, SH), threeDaysSh).find((c) => c.weekday === 5 && c.hour === 0);
    expect(sat0?.onlyHour).toEqual({ startMs: utc("2026-11-27T16:00:00Z"), endMs: utc("2026-11-27T17:00:00Z") });
  });
});

describe("per extension and agent", () => {
  it("counts calls, answered, rate and talk time per extension and per agent", () => {
    expect(listExtensionStats(db, twoDaysSh)).toEqual([
      { key: "8001", calls: 3, answered: 2, answerRate: 2 / 3, talkSec: 790, avgTalkSec: 395 },
      { key: "8002", calls: 1, answered: 0, answerRate: 0, talkSec: 0, avgTalkSec: null },
    ]);
    expect(listAgentStats(db, twoDaysSh)).toEqual([
      { key: "1001", calls: 2, answered: 1, answerRate: 0.5, talkSec: 90, avgTalkSec: 90 },
      { key: "1002", calls: 2, answered: 1, answerRate: 0.5, talkSec: 700, avgTalkSec: 700 },
    ]);
  });
});

describe("across a DST change (America/New_York, 2026-11-01 02:00 EDT → 01:00 EST)", () => {
  const NY = "America/New_York";
  let dst: { db: Db; cleanup: () => void };
  beforeAll(() => {
    dst = makeTempDb();
    writeTransaction(dst.db, () => {
      // 01:30 EDT and 01:30 EST: the same wall-clock hour, one hour apart.
      for (const [id, iso] of [
        [1, "2026-11-01T05:30:00Z"],
        [2, "2026-11-01T06:30:00Z"],
        [3, "2026-11-01T16:00:00Z"],
      ] as const) {
        const record = makeCall({ vendorId: id, startedAtMs: utc(iso) });
        upsertCall(dst.db, record, { payload: record });
      }
    });
  });
  afterAll(() => dst.cleanup());

  // Sat Oct 31 00:00 EDT → Mon Nov 2 00:00 EST: 49 hours.
  const f = filter({ from: utc("2026-10-31T04:00:00Z"), to: utc("2026-11-02T05:00:00Z") });

  it("keeps the repeated hour apart in the hourly series and together on the heatmap", () => {
    const hourly = listHourlyCounts(dst.db, f, NY);
    const series = toCallSeries(hourly, f, NY);
    expect(series.points).toHaveLength(49);
    expect(series.points.filter((p) => p.calls > 0).map((p) => [p.label, new Date(p.startMs).toISOString(), p.calls])).toEqual([
      ["Nov 1 01:00", "2026-11-01T05:00:00.000Z", 1],
      ["Nov 1 01:00", "2026-11-01T06:00:00.000Z", 1],
      ["Nov 1 11:00", "2026-11-01T16:00:00.000Z", 1],
    ]);
    const sun1 = toBusyHours(hourly, f).find((c) => c.weekday === 6 && c.hour === 1);
    expect(sun1).toMatchObject({ calls: 2, onlyHour: null });
  });

  it("serves the whole page's aggregates in one call", () => {
    const { range } = resolveAnalyticsFilter(f, NY);
    const all = getAnalytics(dst.db, f, range, NY);
    expect(all.summary.calls).toBe(3);
    expect(all.busyHours).toHaveLength(168);
  });
});
