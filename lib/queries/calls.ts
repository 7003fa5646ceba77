import "server-only";
import { count, sql, type SQL } from "drizzle-orm";
import { readSnapshot, type Db } from "@/db/client";
import { calls, type CallRow } from "@/db/schema";
import { asSent, sourcesOf } from "@/lib/calls";
import type { CallFilter } from "@/lib/filters/call-filter";
import { rollupAggregate, rollupPlanFor } from "./analytics-rollup";
import { callOrder, callWhere } from "./call-where";
import { numberSearchMode, SCAN_TOTAL_CAP, type NumberSearchMode } from "./number-search";

export type CallListItem = ReturnType<typeof toCallListItem>;
/** `totalExact` is false when a number search scanned the range: the total is then "more than SCAN_TOTAL_CAP". */
export type CallPage = { total: number; totalExact: boolean; page: number; pageSize: number; rows: CallListItem[] };

/** Past this many matching calls, a page sorted by another column than start walks the sort's index instead of sorting. */
const WALK_SORT_INDEX_ABOVE = 20_000;

/** One page of calls for the filter, with the total of the whole filtered set. */
export function listCalls(db: Db, filter: CallFilter): CallPage {
  const search = filter.q ? numberSearchMode(db, filter.q) : "index";
  const where = callWhere(filter, { numberSearch: search });
  return readSnapshot(db, (tx) => {
    const { total, totalExact } = countMatches(db, filter, where, search);
    const walkSortIndex = filter.sort !== "startedAt" && (total > WALK_SORT_INDEX_ABOVE || !totalExact);
    const rows = tx
      .select()
      .from(calls)
      .where(walkSortIndex ? callWhere(filter, { rangeByIndex: false, numberSearch: search }) : where)
      .orderBy(...callOrder(filter))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .all();
    return { total, totalExact, page: filter.page, pageSize: filter.pageSize, rows: rows.map(toCallListItem) };
  });
}

/**
 * The total of the filtered set. From the rollups when they express the filter (the sums /analytics shows, kept in
 * the same transactions as calls): counting a month of rows costs ~50 ms at 1M calls and grows with the table, the
 * rollups do not. A number search that scans the range counts up to SCAN_TOTAL_CAP. Else a count of calls. (One
 * connection: run inside listCalls' transaction, these reads see the same snapshot as the page.)
 */
function countMatches(db: Db, filter: CallFilter, where: SQL | undefined, search: NumberSearchMode): { total: number; totalExact: boolean } {
  const plan = rollupPlanFor(filter, null);
  if (plan) {
    const ranged = { ...filter, from: filter.from ?? 0, to: filter.to ?? Number.MAX_SAFE_INTEGER };
    return { total: rollupAggregate(db, plan, ranged, { kind: "none" })[0]?.calls ?? 0, totalExact: true };
  }
  if (search === "scan") {
    const matches = db
      .select({ one: sql`1` })
      .from(calls)
      .where(where)
      .limit(SCAN_TOTAL_CAP + 1)
      .as("matches");
    const n = db.select({ n: count() }).from(matches).get()?.n ?? 0;
    return { total: Math.min(n, SCAN_TOTAL_CAP), totalExact: n <= SCAN_TOTAL_CAP };
  }
  return { total: db.select({ n: count() }).from(calls).where(where).get()?.n ?? 0, totalExact: true };
}

/** The API and UI shape of a call: ISO UTC instants; who hung up, and the vendor's own value for it as it was sent. */
export function toCallListItem(row: CallRow) {
  return {
    id: row.id,
    vendorId: row.vendorId ?? row.cdrsId,
    vendorSystem: row.vendorSystem,
    uuid: row.uuid,
    sources: sourcesOf(row.sources),
    direction: row.direction,
    callMethod: row.callMethod,
    startTime: iso(row.startedAtMs),
    answerTime: iso(row.answeredAtMs),
    endTime: iso(row.endedAtMs),
    duration: row.durationSec,
    billsec: row.billSec,
    answered: row.answered === 1,
    extension: row.extension,
    agent: row.agent,
    displayNumber: row.displayNumber,
    destNumber: row.destNumber,
    memberId: row.memberId,
    customerId: row.customerId,
    hangupCause: row.hangupCause,
    hangupSide: row.hangupSide,
    hangupDirection: asSent(row.hangupDirection),
    recordingUrl: row.recordFilename || row.recordUrl ? `/api/calls/${row.id}/recording` : null,
  };
}

function iso(ms: number | null): string | null {
  return ms == null ? null : new Date(ms).toISOString();
}
