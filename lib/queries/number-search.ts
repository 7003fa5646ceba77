import type { Db } from "@/db/client";

/** A term matching more calls than this (over all time) is searched by scanning the range, not through the index. */
export const NUMBER_INDEX_MAX_MATCHES = 20_000;
/** A range scan counts matches up to this many; past it the total is reported as "more than". */
export const SCAN_TOTAL_CAP = 1_000;
/** The index is asked for the term's last characters only (see numberPhrase). */
const INDEXED_TAIL = 5;

/** What migration 0006 runs to index the numbers of the calls already stored (and a bulk load after its rows). */
export const INDEX_NUMBERS_SQL = "INSERT INTO `calls_numbers` (rowid, numbers) SELECT id, concat_ws(' ', display_number, dest_number, a_number) FROM `calls`";

export type NumberSearchMode = "index" | "scan";

/**
 * How to answer a number search. The trigram index (calls_numbers) costs what the term matches over all time: a few
 * milliseconds for a full number or its last digits. A common fragment ("138", the start of a third of the mobile
 * numbers) matches hundreds of thousands of calls; then reading the range newest first finds a page within a few
 * hundred rows, and the total is counted up to SCAN_TOTAL_CAP. The probe stops at NUMBER_INDEX_MAX_MATCHES.
 */
export function numberSearchMode(db: Db, q: string): NumberSearchMode {
  if ([...q].length < 3) return "scan";
  const probe = db.$client.prepare("select count(*) as n from (select rowid from calls_numbers where calls_numbers match ? limit ?)");
  const { n } = probe.get(numberPhrase(q), NUMBER_INDEX_MAX_MATCHES) as { n: number };
  return n < NUMBER_INDEX_MAX_MATCHES ? "index" : "scan";
}

/**
 * The FTS5 phrase whose matches contain every call matching the term: its last INDEXED_TAIL characters, as
 * consecutive trigrams. Phone numbers share their leading digits (country, operator: "138" starts a third of the
 * mobile numbers, the trunk's display number is on every call) and differ in their last ones, so a phrase of the whole
 * number reads the huge lists of its first trigrams (470 ms at 10M calls) while its tail reads three short ones.
 * The LIKE re-check in call-where.ts then keeps exactly the calls holding the whole term.
 */
export function numberPhrase(q: string): string {
  return `"${[...q].slice(-INDEXED_TAIL).join("").replaceAll('"', '""')}"`;
}
