import "server-only";
import { readSnapshot, type Db } from "@/db/client";
import { HOUR_MS, type HangupSide } from "@/lib/calls";
import type { CallFilter } from "@/lib/filters/call-filter";
import { presetRange } from "@/lib/filters/time-range";
import { chooseBucketUnit, listBuckets, localDayOf, localHourParts, localHourStartMs, offsetSegments, weekStartDay, type BucketUnit } from "@/lib/time-buckets";
import { TALK_TIME_BUCKETS } from "@/lib/calls";
import { aggregate, type AggregateRow, type QuerySource } from "./analytics-rollup";

/**
 * Aggregates of the /analytics page and GET /api/analytics. Every query is one pass over an index range of
 * calls_started_idx (the filter's [from, to) is always set here) with the shared WHERE of callWhere, summing
 * integer columns; nothing returns raw rows.
 */

/** A filter whose range is known: analytics always look at a bounded period. */
export type RangedFilter = CallFilter & { from: number; to: number };
export type AnalyticsRange = { fromMs: number; toMs: number; previousFromMs: number; previousToMs: number; isDefault: boolean };

/** Without a range the page shows the last 7 days (today included) in the display zone; a half-open range gets 7 days. */
export function resolveAnalyticsFilter(filter: CallFilter, timeZone: string, nowMs = Date.now()): { filter: RangedFilter; range: AnalyticsRange } {
  const week = presetRange("7d", timeZone, nowMs);
  const isDefault = filter.from === undefined && filter.to === undefined;
  const to = filter.to ?? (filter.from === undefined ? week.to : Math.max(week.to, filter.from + HOUR_MS));
  const from = filter.from ?? (filter.to === undefined ? week.from : to - 7 * 24 * HOUR_MS);
  return {
    filter: { ...filter, from, to },
    range: { fromMs: from, toMs: to, previousFromMs: from - (to - from), previousToMs: from, isDefault },
  };
}

/** The same filter over the period of the same length just before it. */
export function previousPeriod(filter: RangedFilter): RangedFilter {
  return { ...filter, from: filter.from - (filter.to - filter.from), to: filter.from };
}

// ---------------------------------------------------------------------------------------------- summary tiles

export type CallSummary = {
  calls: number;
  answered: number;
  /** answered / calls, 0..1; null without calls. */
  answerRate: number | null;
  talkSec: number;
  /** Talk time per answered call. */
  avgTalkSec: number | null;
  /** Answered calls: answer time − start time; unanswered calls: their duration (how long the caller waited). */
  avgWaitSec: number | null;
  avgWaitAnsweredSec: number | null;
  avgWaitMissedSec: number | null;
};

export const WAIT_RULE = "Wait of an answered call: answer time − start time; of an unanswered call: its whole duration (the caller waited until the hangup).";

export function getCallSummary(db: Db, filter: RangedFilter, source: QuerySource = "auto"): CallSummary {
  const row = summaryOf(aggregate(db, filter, { kind: "none" }, source)[0]);
  const waitN = row.waitAnsweredN + row.waitMissedN;
  return {
    calls: row.calls,
    answered: row.answered,
    answerRate: ratio(row.answered, row.calls),
    talkSec: row.talkSec,
    avgTalkSec: ratio(row.talkSec, row.answered),
    avgWaitSec: waitN ? (row.waitAnsweredMs / 1000 + row.waitMissedSec) / waitN : null,
    avgWaitAnsweredSec: row.waitAnsweredN ? row.waitAnsweredMs / 1000 / row.waitAnsweredN : null,
    avgWaitMissedSec: ratio(row.waitMissedSec, row.waitMissedN),
  };
}

function summaryOf(r: AggregateRow | undefined): Omit<AggregateRow, "key"> {
  return r ?? { calls: 0, answered: 0, talkSec: 0, waitAnsweredMs: 0, waitAnsweredN: 0, waitMissedSec: 0, waitMissedN: 0 };
}

// ---------------------------------------------------------------------------------------------- hangup breakdowns

export type BreakdownRow<K> = { key: K; calls: number; share: number; answered: number; talkSec: number; avgBillSec: number };

/** Calls per hangup cause, most frequent first; `key` null = the record had no cause (e.g. /api/cdrs). */
export function getHangupCauseBreakdown(db: Db, filter: RangedFilter, source: QuerySource = "auto"): BreakdownRow<number | null>[] {
  return breakdown(db, filter, "hangup_cause", source);
}

/** Calls per side that ended them (caller, callee, system, other); `key` null = not recorded. */
export function getHangupDirectionBreakdown(db: Db, filter: RangedFilter, source: QuerySource = "auto"): BreakdownRow<HangupSide | null>[] {
  return breakdown(db, filter, "hangup_side", source);
}

function breakdown<K>(db: Db, filter: RangedFilter, dim: "hangup_cause" | "hangup_side", source: QuerySource): BreakdownRow<K>[] {
  const rows = aggregate(db, filter, { kind: "dim", dim }, source).map((r) => ({ key: r.key as K, calls: r.calls, answered: r.answered, talkSec: r.talkSec }));
  const total = rows.reduce((n, r) => n + r.calls, 0);
  return rows
    .map((r) => ({ ...r, share: r.calls / total, avgBillSec: r.talkSec / r.calls }))
    .sort((a, b) => b.calls - a.calls || String(a.key).localeCompare(String(b.key)));
}

// ---------------------------------------------------------------------------------------------- talk-time histogram

export { TALK_TIME_BUCKETS };

export type TalkTimeBucket = { label: string; minSec: number; maxSec: number | null; calls: number; talkSec: number };

export function getTalkTimeHistogram(db: Db, filter: RangedFilter, source: QuerySource = "auto"): TalkTimeBucket[] {
  const rows = aggregate(db, filter, { kind: "dim", dim: "billsec_bucket" }, source).map((r) => ({
    bucket: r.key as number,
    calls: r.calls,
    talkSec: r.talkSec,
  }));
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  return TALK_TIME_BUCKETS.map((b, i) => ({ ...b, calls: byBucket.get(i)?.calls ?? 0, talkSec: byBucket.get(i)?.talkSec ?? 0 }));
}

// ---------------------------------------------------------------------------------------------- time: series and busy hours

/** Calls of one local hour of the display zone. `hourStartMs` is the instant that hour starts. */
export type HourlyCount = { localHourKey: number; hourStartMs: number; calls: number; answered: number; talkSec: number };

/**
 * Calls per local hour in `timeZone`: one index-range query per UTC-offset segment of the range (one segment
 * unless the range crosses a DST change), grouping on (started_at_ms + offset) / 1 h.
 */
export function listHourlyCounts(db: Db, filter: RangedFilter, timeZone: string, source: QuerySource = "auto"): HourlyCount[] {
  const out: HourlyCount[] = [];
  for (const seg of offsetSegments(filter.from, filter.to, timeZone)) {
    // Whole-hour offsets: a UTC hour of the rollup is one local hour. Half-hour zones read calls.
    const segSource = seg.offsetMs % HOUR_MS === 0 ? source : "raw";
    for (const r of aggregate(db, { ...filter, from: seg.fromMs, to: seg.toMs }, { kind: "hour", offsetMs: seg.offsetMs }, segSource)) {
      const key = r.key as number;
      out.push({ localHourKey: key, hourStartMs: key * HOUR_MS - seg.offsetMs, calls: r.calls, answered: r.answered, talkSec: r.talkSec });
    }
  }
  return out;
}

export type SeriesPoint = { startMs: number; endMs: number; label: string; calls: number; answered: number; talkSec: number };
export type CallSeries = { unit: BucketUnit; points: SeriesPoint[] };

/** Calls, answered and talk time per hour, day or week (chosen by the range length), empty buckets included. */
export function toCallSeries(hourly: HourlyCount[], filter: RangedFilter, timeZone: string): CallSeries {
  const unit = chooseBucketUnit(filter.from, filter.to);
  const points: SeriesPoint[] = listBuckets(filter.from, filter.to, unit, timeZone).map((b) => ({ ...b, calls: 0, answered: 0, talkSec: 0 }));
  // Hours are matched by instant (a repeated autumn hour is two buckets); days and weeks by local calendar day.
  const index = new Map<number, SeriesPoint>();
  for (const p of points) {
    const day = localDayOf(p.startMs, timeZone);
    index.set(unit === "hour" ? localHourStartMs(p.startMs, timeZone) : unit === "day" ? day : weekStartDay(day), p);
  }
  for (const h of hourly) {
    const day = localHourParts(h.localHourKey).localDay;
    const point = index.get(unit === "hour" ? h.hourStartMs : unit === "day" ? day : weekStartDay(day));
    if (!point) continue;
    point.calls += h.calls;
    point.answered += h.answered;
    point.talkSec += h.talkSec;
  }
  return { unit, points };
}

export type HeatmapCell = {
  /** 0 = Monday. */
  weekday: number;
  hour: number;
  calls: number;
  answered: number;
  /** The one hour [start, end) this cell stands for when the range holds it once (ranges up to a week), else null. */
  onlyHour: { startMs: number; endMs: number } | null;
};

/** Busy hours: calls per weekday × hour of the display zone, all 168 cells. */
export function toBusyHours(hourly: HourlyCount[], filter: RangedFilter): HeatmapCell[] {
  const cells: (HeatmapCell & { starts: Set<number> })[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) cells.push({ weekday, hour, calls: 0, answered: 0, onlyHour: null, starts: new Set() });
  }
  for (const h of hourly) {
    const { weekday, hour } = localHourParts(h.localHourKey);
    const cell = cells[weekday * 24 + hour]!;
    cell.calls += h.calls;
    cell.answered += h.answered;
    cell.starts.add(h.hourStartMs);
  }
  const spanWeek = filter.to - filter.from <= 7 * 24 * HOUR_MS;
  return cells.map(({ starts, ...cell }) => {
    const only = spanWeek && starts.size === 1 ? [...starts][0]! : null;
    return {
      ...cell,
      onlyHour: only === null ? null : { startMs: Math.max(only, filter.from), endMs: Math.min(only + HOUR_MS, filter.to) },
    };
  });
}

// ---------------------------------------------------------------------------------------------- per extension / agent

export type PerPartyRow = { key: string | null; calls: number; answered: number; answerRate: number | null; talkSec: number; avgTalkSec: number | null };

export function listExtensionStats(db: Db, filter: RangedFilter, source: QuerySource = "auto"): PerPartyRow[] {
  return perParty(db, filter, "extension", source);
}

export function listAgentStats(db: Db, filter: RangedFilter, source: QuerySource = "auto"): PerPartyRow[] {
  return perParty(db, filter, "agent", source);
}

function perParty(db: Db, filter: RangedFilter, dim: "extension" | "agent", source: QuerySource): PerPartyRow[] {
  const rows = aggregate(db, filter, { kind: "dim", dim }, source).map((r) => ({
    key: r.key as string | null,
    calls: r.calls,
    answered: r.answered,
    talkSec: r.talkSec,
  }));
  return rows
    .map((r) => ({ ...r, answerRate: ratio(r.answered, r.calls), avgTalkSec: ratio(r.talkSec, r.answered) }))
    .sort((a, b) => b.calls - a.calls || String(a.key).localeCompare(String(b.key)));
}

// ---------------------------------------------------------------------------------------------- everything (JSON API)

export type Analytics = ReturnType<typeof getAnalytics>;

/** Every aggregate of the page for one filter, as GET /api/analytics returns it. */
export function getAnalytics(db: Db, filter: RangedFilter, range: AnalyticsRange, timeZone: string, source: QuerySource = "auto") {
  return readSnapshot(db, () => {
    const hourly = listHourlyCounts(db, filter, timeZone, source);
    return {
      timeZone,
      range,
      summary: getCallSummary(db, filter, source),
      previousSummary: getCallSummary(db, previousPeriod(filter), source),
      hangupCauses: getHangupCauseBreakdown(db, filter, source),
      hangupDirections: getHangupDirectionBreakdown(db, filter, source),
      talkTime: getTalkTimeHistogram(db, filter, source),
      series: toCallSeries(hourly, filter, timeZone),
      busyHours: toBusyHours(hourly, filter),
      extensions: listExtensionStats(db, filter, source),
      agents: listAgentStats(db, filter, source),
    };
  });
}

function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}
