import "server-only";
import { stringify } from "csv-stringify/sync";
import type { Db } from "@/db/client";
import { calls } from "@/db/schema";
import type { CallFilter } from "@/lib/filters/call-filter";
import { labelHangup } from "@/lib/settings/hangup-labels";
import { formatCallTime, formatDuration, formatZonedTime } from "@/lib/time";
import { callMethodLabel, directionLabel, hangupSideLabel, sourcesOf } from "@/lib/calls";
import { callOrder, callWhere } from "./call-where";

const SELECT = {
  id: calls.id,
  vendorId: calls.vendorId,
  cdrsId: calls.cdrsId,
  uuid: calls.uuid,
  direction: calls.direction,
  callMethod: calls.callMethod,
  startedAtMs: calls.startedAtMs,
  answeredAtMs: calls.answeredAtMs,
  endedAtMs: calls.endedAtMs,
  durationSec: calls.durationSec,
  billSec: calls.billSec,
  answered: calls.answered,
  extension: calls.extension,
  agent: calls.agent,
  displayNumber: calls.displayNumber,
  destNumber: calls.destNumber,
  memberId: calls.memberId,
  customerId: calls.customerId,
  hangupCause: calls.hangupCause,
  hangupSide: calls.hangupSide,
  recordFilename: calls.recordFilename,
  recordUrl: calls.recordUrl,
  aNumber: calls.aNumber,
  aBillSec: calls.aBillSec,
  sources: calls.sources,
};
type ExportRow = { [K in keyof typeof SELECT]: (typeof SELECT)[K]["_"]["data"] | null };

/**
 * Every call of the filter, in the table's order, one row at a time: the same callWhere/callOrder SQL as the table,
 * run with better-sqlite3's iterate() so that the whole set is never in memory.
 * The iterator keeps `db`'s connection busy until it finishes: give it a connection of its own.
 */
export function* iterateCallsForExport(db: Db, filter: CallFilter): Generator<ExportRow> {
  const query = db
    .select(SELECT)
    .from(calls)
    .where(callWhere(filter))
    .orderBy(...callOrder(filter))
    .toSQL();
  const keys = Object.keys(SELECT) as (keyof typeof SELECT)[];
  const statement = db.$client.prepare(query.sql).raw(true);
  for (const values of statement.iterate(...(query.params as unknown[])) as IterableIterator<unknown[]>) {
    const row = {} as Record<string, unknown>;
    keys.forEach((k, i) => (row[k] = values[i]));
    yield row as ExportRow;
  }
}

/** The header line of the export; times carry the zone they are written in. */
export function exportHeader(timeZone: string): string[] {
  return [
    "Call ID",
    `Start (${timeZone})`,
    `Answered at (${timeZone})`,
    `Ended at (${timeZone})`,
    "Direction",
    "Call method",
    "Extension",
    "Agent",
    "Display number",
    "Destination number",
    "Wait (h:mm:ss)",
    "Talk time (h:mm:ss)",
    "Talk time (s)",
    "Answered (talk time > 0)",
    "Hangup cause",
    "Hung up by",
    "Member id",
    "Customer id",
    "Has recording",
    "Sources",
    "Vendor id",
    "UUID",
    "A-side number",
    "A-side talk time (s)",
  ];
}

/**
 * One CSV record of a call. Every text cell goes through csvCell, labels included: a supervisor edits the hangup
 * labels in settings, and the vendor sends the numbers and ids, so any of them may start like a formula.
 */
export function toExportRecord(r: ExportRow, timeZone: string, labels: Record<string, string>): (string | number)[] {
  const record: (string | number)[] = [
    r.id ?? "",
    formatCallTime(r.startedAtMs, timeZone),
    formatCallTime(r.answeredAtMs, timeZone),
    formatCallTime(r.endedAtMs, timeZone),
    directionLabel(r.direction),
    callMethodLabel(r.callMethod),
    text(r.extension),
    text(r.agent),
    text(r.displayNumber),
    text(r.destNumber),
    formatDuration(r.durationSec),
    formatDuration(r.billSec),
    r.billSec ?? 0,
    r.answered === 1 ? "yes" : "no",
    labelHangup(labels, r.hangupCause),
    hangupSideLabel(r.hangupSide),
    text(r.memberId),
    text(r.customerId),
    r.recordFilename || r.recordUrl ? "yes" : "no",
    sourcesOf(r.sources ?? 0).join(" + "),
    r.vendorId ?? r.cdrsId ?? "",
    text(r.uuid),
    text(r.aNumber),
    r.aBillSec ?? "",
  ];
  for (let i = 0; i < record.length; i++) {
    const cell = record[i]!;
    if (typeof cell === "string") record[i] = csvCell(cell);
  }
  return record;
}

/** CSV text of some records (csv-stringify quotes what needs quoting; CRLF for Excel). */
export function toCsv(records: (string | number)[][]): string {
  return stringify(records, { record_delimiter: "windows" });
}

/** `calls_2026-11-21_to_2026-11-28.csv`: the range's days in the display zone, the end day inclusive. */
export function exportFileName(filter: Pick<CallFilter, "from" | "to">, timeZone: string): string {
  const day = (ms: number) => formatZonedTime(ms, timeZone).slice(0, 10);
  const from = filter.from !== undefined ? day(filter.from) : undefined;
  const to = filter.to !== undefined ? day(filter.to - 1) : undefined;
  if (from && to) return from === to ? `calls_${from}.csv` : `calls_${from}_to_${to}.csv`;
  if (from) return `calls_from_${from}.csv`;
  if (to) return `calls_until_${to}.csv`;
  return "calls_all.csv";
}

function text(value: string | null): string {
  return value || "";
}

/** A signed plain number: "-12", "+8613912345678", "-0.5". Nothing a spreadsheet could run. */
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * A text cell as a spreadsheet will show it, never run it (CSV/formula injection): a cell starting with = + - @, a
 * tab or a carriage return gets a leading ' unless it is a plain number (a signed number or a +86… phone number
 * stays as it is). The data itself is stored and shown unchanged; only the export neutralizes it.
 * One first-character test per cell; the regex runs only for the rare cells that start with a sign.
 */
export function csvCell(value: string): string {
  switch (value.charCodeAt(0)) {
    case 0x3d: // =
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // carriage return
      return `'${value}`;
    case 0x2b: // +
    case 0x2d: // -
      return PLAIN_NUMBER.test(value) ? value : `'${value}`;
    default:
      return value;
  }
}
