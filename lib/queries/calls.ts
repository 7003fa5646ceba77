import "server-only";
import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, type CallRow } from "@/db/schema";
import type { CallFilter } from "@/lib/filters/call-filter";
import { sourcesOf } from "@/lib/ingest/upsert-call";
import { callOrder, callWhere } from "./call-where";

export type CallListItem = ReturnType<typeof toCallListItem>;
export type CallPage = { total: number; page: number; pageSize: number; rows: CallListItem[] };

/** Past this many matching calls, a page sorted by talk time or wait walks the sort's index instead of sorting. */
const WALK_SORT_INDEX_ABOVE = 20_000;

/** One page of calls for the filter, with the total of the whole filtered set. */
export function listCalls(db: Db, filter: CallFilter): CallPage {
  const where = callWhere(filter);
  return db.transaction((tx) => {
    const total = tx.select({ n: count() }).from(calls).where(where).get()?.n ?? 0;
    const walkSortIndex = (filter.sort === "billSec" || filter.sort === "durationSec") && total > WALK_SORT_INDEX_ABOVE;
    const rows = tx
      .select()
      .from(calls)
      .where(walkSortIndex ? callWhere(filter, { rangeByIndex: false }) : where)
      .orderBy(...callOrder(filter))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .all();
    return { total, page: filter.page, pageSize: filter.pageSize, rows: rows.map(toCallListItem) };
  });
}

/** The API and UI shape of a call: ISO UTC instants, the vendor's hangup direction as number or word. */
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
    hangupDirection: row.hangupDirection != null && /^\d+$/.test(row.hangupDirection) ? Number(row.hangupDirection) : row.hangupDirection,
    recordingUrl: row.recordFilename || row.recordUrl ? `/api/calls/${row.id}/recording` : null,
  };
}

function iso(ms: number | null): string | null {
  return ms == null ? null : new Date(ms).toISOString();
}
