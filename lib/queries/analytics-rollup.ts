import { count, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls } from "@/db/schema";
import type { CallFilter } from "@/lib/filters/call-filter";
import { DAY_MS, HOUR_MS } from "@/lib/calls";
import { billSecBucketSql, DIM_NULL, ROLLUP_TABLES, type RollupDim, type RollupTable } from "@/db/rollups";
import { callWhere } from "./call-where";

/**
 * Analytics over the rollups (lib/ingest/rollup.ts): the whole UTC days of a range are read from the narrowest daily
 * table that covers the filter and the grouping (when there is one, and the grouping is not by hour), the other whole
 * UTC hours from the narrowest hourly table, the partial hours at the edges from calls, and the parts are added. Filters the rollups cannot express (number search, member, customer, talk-time bounds, recording, source)
 * make rollupPlanFor return null: the caller then runs its query on calls.
 */
export type QuerySource = "auto" | "raw";
export type AggregateRow = {
  key: string | number | null;
  calls: number;
  answered: number;
  talkSec: number;
  waitAnsweredMs: number;
  waitAnsweredN: number;
  waitMissedSec: number;
  waitMissedN: number;
};
export type Grouping = { kind: "none" } | { kind: "dim"; dim: RollupDim } | { kind: "hour"; offsetMs: number };
/** The hourly table to read, and the daily one for the whole UTC days of the range when one covers the query. */
export type RollupPlan = { table: RollupTable; daily: RollupTable | null };

type Condition = { dim: RollupDim; values: (string | number)[] };

function conditionsOf(f: CallFilter): Condition[] | null {
  if (f.q || f.memberId || f.customerId || f.billSecMin !== undefined || f.billSecMax !== undefined || f.hasRecording || f.source.length) return null;
  const out: Condition[] = [];
  if (f.direction) out.push({ dim: "direction", values: [f.direction] });
  if (f.callMethod.length) out.push({ dim: "call_method", values: f.callMethod });
  if (f.answered) out.push({ dim: "answered", values: [f.answered === "yes" ? 1 : 0] });
  if (f.hangupCause.length) out.push({ dim: "hangup_cause", values: f.hangupCause });
  if (f.hangupDirection.length) out.push({ dim: "hangup_side", values: f.hangupDirection });
  if (f.extension.length) out.push({ dim: "extension", values: f.extension });
  if (f.agent) out.push({ dim: "agent", values: [f.agent] });
  return out;
}

/** The rollup table to read for this filter and grouping, or null when only calls can answer. */
export function rollupPlanFor(filter: CallFilter, groupDim: RollupDim | null): RollupPlan | null {
  const conditions = conditionsOf(filter);
  if (!conditions) return null;
  const needed = [...conditions.map((c) => c.dim), ...(groupDim ? [groupDim] : [])];
  const covers = (t: RollupTable) => needed.every((d) => t.dims.includes(d));
  const table = ROLLUP_TABLES.find((t) => t.grainMs === HOUR_MS && covers(t));
  const daily = ROLLUP_TABLES.find((t) => t.grainMs === DAY_MS && covers(t)) ?? null;
  return table ? { table, daily } : null;
}

const RAW_DIM: Record<RollupDim, SQL> = {
  extension: sql`${calls.extension}`,
  agent: sql`${calls.agent}`,
  hangup_cause: sql`${calls.hangupCause}`,
  hangup_side: sql`${calls.hangupSide}`,
  direction: sql`${calls.direction}`,
  call_method: sql`${calls.callMethod}`,
  answered: sql`${calls.answered}`,
  billsec_bucket: sql.raw(billSecBucketSql(`"calls"."bill_sec"`)),
};

/**
 * Sums of [filter.from, filter.to) per group: from the rollups when one expresses the filter and the grouping
 * (`source` "auto"), else from calls. Every aggregate of /analytics goes through here, so both paths answer alike.
 */
export function aggregate(db: Db, filter: CallFilter & { from: number; to: number }, group: Grouping, source: QuerySource = "auto"): AggregateRow[] {
  const plan = source === "auto" ? rollupPlanFor(filter, group.kind === "dim" ? group.dim : null) : null;
  return plan ? rollupAggregate(db, plan, filter, group) : fromCalls(db, filter, group);
}

/** Sums of [filter.from, filter.to) per group: rollup for the whole hours, calls for the partial ones. */
export function rollupAggregate(db: Db, plan: RollupPlan, filter: CallFilter & { from: number; to: number }, group: Grouping): AggregateRow[] {
  const first = Math.ceil(filter.from / HOUR_MS) * HOUR_MS;
  const last = Math.floor(filter.to / HOUR_MS) * HOUR_MS;
  const parts: AggregateRow[][] = [];
  if (first < last) {
    const firstDay = Math.ceil(first / DAY_MS) * DAY_MS;
    const lastDay = Math.floor(last / DAY_MS) * DAY_MS;
    if (plan.daily && group.kind !== "hour" && firstDay < lastDay) {
      parts.push(fromRollup(db, plan.daily, filter, group, firstDay, lastDay));
      if (first < firstDay) parts.push(fromRollup(db, plan.table, filter, group, first, firstDay));
      if (lastDay < last) parts.push(fromRollup(db, plan.table, filter, group, lastDay, last));
    } else {
      parts.push(fromRollup(db, plan.table, filter, group, first, last));
    }
    if (filter.from < first) parts.push(fromCalls(db, { ...filter, from: filter.from, to: first }, group));
    if (last < filter.to) parts.push(fromCalls(db, { ...filter, from: last, to: filter.to }, group));
  } else {
    parts.push(fromCalls(db, filter, group));
  }
  const merged = new Map<AggregateRow["key"], AggregateRow>();
  for (const rows of parts) {
    for (const r of rows) {
      const m = merged.get(r.key);
      if (!m) merged.set(r.key, { ...r });
      else {
        m.calls += r.calls;
        m.answered += r.answered;
        m.talkSec += r.talkSec;
        m.waitAnsweredMs += r.waitAnsweredMs;
        m.waitAnsweredN += r.waitAnsweredN;
        m.waitMissedSec += r.waitMissedSec;
        m.waitMissedN += r.waitMissedN;
      }
    }
  }
  const out = [...merged.values()].filter((r) => r.calls > 0);
  if (group.kind === "hour") out.sort((a, b) => (a.key as number) - (b.key as number));
  return out;
}

function fromRollup(db: Db, table: RollupTable, filter: CallFilter, group: Grouping, fromMs: number, toMs: number): AggregateRow[] {
  const where = [`${table.timeColumn} >= ?`, `${table.timeColumn} < ?`];
  const params: (string | number)[] = [fromMs, toMs];
  for (const c of conditionsOf(filter)!) {
    where.push(c.values.length === 1 ? `${c.dim} = ?` : `${c.dim} in (${c.values.map(() => "?").join(", ")})`);
    params.push(...c.values);
  }
  const key = group.kind === "none" ? "null" : group.kind === "dim" ? group.dim : `(hour_ms + ${Math.trunc(group.offsetMs)}) / ${HOUR_MS}`;
  const rows = db.$client
    .prepare(
      `select ${key} as key, sum(calls) as calls, sum(answered_calls) as answered, sum(bill_sec) as talkSec,
         sum(answered_wait_ms) as waitAnsweredMs, sum(answered_wait_n) as waitAnsweredN,
         sum(missed_wait_sec) as waitMissedSec, sum(missed_wait_n) as waitMissedN
       from ${table.name} where ${where.join(" and ")}${group.kind === "none" ? "" : " group by 1"}`,
    )
    .all(...params) as AggregateRow[];
  if (group.kind !== "dim") return rows.filter((r) => r.calls !== null);
  const nul = DIM_NULL[group.dim];
  return rows.map((r) => (nul !== null && r.key === nul ? { ...r, key: null } : r));
}

function fromCalls(db: Db, filter: CallFilter, group: Grouping): AggregateRow[] {
  const answeredWait = sql`case when ${calls.answered} = 1 and ${calls.answeredAtMs} >= ${calls.startedAtMs} then ${calls.answeredAtMs} - ${calls.startedAtMs} end`;
  const missedWait = sql`case when ${calls.answered} = 0 then ${calls.durationSec} end`;
  const key =
    group.kind === "none"
      ? sql`null`
      : group.kind === "dim"
        ? RAW_DIM[group.dim]
        : sql`(${calls.startedAtMs} + ${sql.raw(String(Math.trunc(group.offsetMs)))}) / ${sql.raw(String(HOUR_MS))}`;
  const query = db
    .select({
      key: sql<string | number | null>`${key}`,
      calls: count(),
      answered: sql<number>`coalesce(sum(${calls.answered}), 0)`,
      talkSec: sql<number>`coalesce(sum(${calls.billSec}), 0)`,
      waitAnsweredMs: sql<number>`coalesce(sum(${answeredWait}), 0)`,
      waitAnsweredN: sql<number>`count(${answeredWait})`,
      waitMissedSec: sql<number>`coalesce(sum(${missedWait}), 0)`,
      waitMissedN: sql<number>`count(${missedWait})`,
    })
    .from(calls)
    .where(callWhere(filter));
  // Unary +: group with a sort, so that the planner keeps to calls_started_idx for the range instead of walking the
  // whole grouping column's index.
  return group.kind === "none" ? query.all() : query.groupBy(sql`+${key}`).all();
}
