import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { calls } from "@/db/schema";
import { sourceBit } from "@/lib/calls";
import type { CallFilter } from "@/lib/filters/call-filter";
import { numberPhrase, type NumberSearchMode } from "./number-search";

/**
 * The one WHERE of every call query: table, totals, breakdowns, charts and export agree by construction.
 * `rangeByIndex: false` writes the time bounds so that SQLite cannot use them to pick an index (`+column`): a long
 * range sorted by another column is then read by walking that column's index from the top (callOrder), instead of
 * sorting the whole range. Same rows either way. `numberSearch` is lib/queries/number-search.ts's
 * choice for a search term (the index by default).
 */
export function callWhere(f: CallFilter, options: { rangeByIndex?: boolean; numberSearch?: NumberSearchMode } = {}): SQL | undefined {
  const started: SQL = options.rangeByIndex === false ? sql`+${calls.startedAtMs}` : sql`${calls.startedAtMs}`;
  const conditions: (SQL | undefined)[] = [
    f.from !== undefined ? gte(started, f.from) : undefined,
    f.to !== undefined ? lt(started, f.to) : undefined,
    f.direction ? eq(calls.direction, f.direction) : undefined,
    f.callMethod.length ? inArray(calls.callMethod, f.callMethod) : undefined,
    f.answered ? eq(calls.answered, f.answered === "yes" ? 1 : 0) : undefined,
    f.hangupCause.length ? inArray(calls.hangupCause, f.hangupCause) : undefined,
    f.hangupDirection.length ? inArray(calls.hangupSide, f.hangupDirection) : undefined,
    f.extension.length ? inArray(calls.extension, f.extension) : undefined,
    f.agent ? eq(calls.agent, f.agent) : undefined,
    f.memberId ? eq(calls.memberId, f.memberId) : undefined,
    f.customerId ? eq(calls.customerId, f.customerId) : undefined,
    f.billSecMin !== undefined ? gte(calls.billSec, f.billSecMin) : undefined,
    f.billSecMax !== undefined ? lte(calls.billSec, f.billSecMax) : undefined,
    f.hasRecording === "yes" ? or(isNotNull(calls.recordFilename), isNotNull(calls.recordUrl)) : undefined,
    f.hasRecording === "no" ? and(isNull(calls.recordFilename), isNull(calls.recordUrl)) : undefined,
    f.source.length ? sql`(${calls.sources} & ${f.source.reduce((bits, s) => bits | sourceBit(s), 0)}) != 0` : undefined,
    f.q ? numberSearch(f.q, options.numberSearch ?? "index") : undefined,
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined));
}

/**
 * ORDER BY of the filter's sort. Ties are broken by start time, then id, in the sort's direction: exactly the order
 * of the sort column's (column, started_at_ms) index (whose last key is the rowid), so a long range is read by walking
 * that index and stopping after the page instead of sorting every matching row (calls.ts).
 */
export function callOrder(f: CallFilter): SQL[] {
  const dir = f.order === "asc" ? asc : desc;
  const column = {
    startedAt: null,
    billSec: calls.billSec,
    durationSec: calls.durationSec,
    extension: calls.extension,
    hangupCause: calls.hangupCause,
  }[f.sort];
  return [...(column ? [dir(column)] : []), dir(calls.startedAtMs), dir(calls.id)];
}

/**
 * Text anywhere in the display, destination or A-side number. Through the index, the trigram table calls_numbers
 * (migration 0006) names the candidate calls; the LIKE re-check keeps the answer exactly the substring rule either way.
 */
function numberSearch(q: string, mode: NumberSearchMode): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const like = sql`(${calls.displayNumber} like ${pattern} escape '\\' or ${calls.destNumber} like ${pattern} escape '\\' or ${calls.aNumber} like ${pattern} escape '\\')`;
  if (mode === "scan" || [...q].length < 3) return like;
  return sql`(${calls.id} in (select rowid from calls_numbers where calls_numbers match ${numberPhrase(q)}) and ${like})`;
}
