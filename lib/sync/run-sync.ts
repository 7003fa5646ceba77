import { createHash } from "node:crypto";
import { writeTransaction, type Db } from "@/db/client";
import type { SyncSource, SyncTrigger } from "@/lib/calls";
import { upsertCall } from "@/lib/ingest/upsert-call";
import { log } from "@/lib/log";
import { VendorApiError, type VendorApiErrorCode } from "@/lib/telephony/api-errors";
import type { CallRecord } from "@/lib/calls";
import { VendorPayloadError } from "@/lib/telephony/errors";

/** A pull API as the sync sees it: pages of raw records over a time window, and how to read one record. */
export type PullSource = {
  name: SyncSource;
  perPage: number;
  fetchPage(q: { fromMs: number; toMs: number; page: number; perPage: number }): Promise<{ total: number; records: unknown[] }>;
  normalize(raw: unknown): CallRecord;
};

export type SyncProgress = {
  source: SyncSource;
  windowFromMs: number;
  windowToMs: number;
  windowIndex: number;
  windowCount: number;
  page: number;
  pages: number;
  records: number;
  ratePerSec: number;
};

export type SyncRunResult = {
  runId: number;
  source: SyncSource;
  outcome: "succeeded" | "failed";
  windows: number;
  pages: number;
  records: number;
  recordsNew: number;
  recordsUpdated: number;
  recordsRejected: number;
  retries: number;
  durationMs: number;
  errorCode?: VendorApiErrorCode | "incomplete" | "internal";
  errorText?: string;
};

const DEFAULT_WINDOW_MS = 3600_000;
/** A window is final (the checkpoint may pass it) once it ended this long ago: late bills still arrive before. */
const SETTLE_MS = 15 * 60_000;
const PASSES_PER_WINDOW = 3;

/**
 * Pulls every record of [fromMs, toMs) from one source, window by window, page by page, storing each page in one
 * transaction with idempotent upserts. Nothing is lost whatever fails:
 * - records are read with syncflag=3 (all records), never relying on the vendor's "not yet queried" marks, so a
 *   reply lost after the vendor marked its records, or a crash between pages, is recovered by reading again;
 * - a window is done only when as many distinct records as the vendor's total were stored; otherwise (pages that
 *   moved during the read) it is read again, and after PASSES_PER_WINDOW the run fails without passing it;
 * - the checkpoint only moves over settled, contiguous, completed windows; the next run starts there.
 * Records that fail validation are kept raw in the inbox (endpoint = source) and counted as rejected.
 */
export async function runSync(
  db: Db,
  source: PullSource,
  options: {
    fromMs: number;
    toMs: number;
    trigger: SyncTrigger;
    windowMs?: number;
    nowMs?: () => number;
    onProgress?: (p: SyncProgress) => void;
    /** Counter of transient failures retried by the HTTP layer, read at the end for the run row. */
    retries?: () => number;
  },
): Promise<SyncRunResult> {
  const now = options.nowMs ?? Date.now;
  const startedAtMs = now();
  const windows = splitWindows(options.fromMs, options.toMs, options.windowMs ?? DEFAULT_WINDOW_MS);
  const runId = Number(
    db.$client
      .prepare("insert into sync_runs (source, trigger, from_ms, to_ms, started_at_ms) values (?, ?, ?, ?, ?)")
      .run(source.name, options.trigger, options.fromMs, options.toMs, startedAtMs).lastInsertRowid,
  );
  const result: SyncRunResult = {
    runId,
    source: source.name,
    outcome: "succeeded",
    windows: 0,
    pages: 0,
    records: 0,
    recordsNew: 0,
    recordsUpdated: 0,
    recordsRejected: 0,
    retries: 0,
    durationMs: 0,
  };

  try {
    for (const [index, window] of windows.entries()) {
      await syncWindow(db, source, window, result, (page) =>
        options.onProgress?.({
          source: source.name,
          windowFromMs: window.fromMs,
          windowToMs: window.toMs,
          windowIndex: index,
          windowCount: windows.length,
          page,
          pages: result.pages,
          records: result.records,
          ratePerSec: Math.round((result.records / Math.max(1, now() - startedAtMs)) * 1000),
        }),
      );
      result.windows++;
      markWindowDone(db, source.name, window, runId, now());
    }
  } catch (err) {
    result.outcome = "failed";
    if (err instanceof VendorApiError) {
      result.errorCode = err.code;
      result.errorText = err.operatorMessage;
    } else if (err instanceof IncompleteWindowError) {
      result.errorCode = "incomplete";
      result.errorText = err.message;
    } else {
      result.errorCode = "internal";
      result.errorText = `The sync failed on our side: ${err instanceof Error ? err.message : String(err)}`;
      log.error("sync failed", { source: source.name, runId, error: err instanceof Error ? err.stack : String(err) });
    }
  }

  result.retries = options.retries?.() ?? 0;
  const finishedAtMs = now();
  result.durationMs = finishedAtMs - startedAtMs;
  db.$client
    .prepare(
      `update sync_runs set finished_at_ms = ?, windows = ?, pages = ?, records = ?, records_new = ?, records_updated = ?,
         records_rejected = ?, retries = ?, outcome = ?, error_code = ?, error_text = ? where id = ?`,
    )
    .run(
      finishedAtMs,
      result.windows,
      result.pages,
      result.records,
      result.recordsNew,
      result.recordsUpdated,
      result.recordsRejected,
      result.retries,
      result.outcome,
      result.errorCode ?? null,
      result.errorText ?? null,
      runId,
    );
  if (result.outcome === "succeeded") {
    db.$client
      .prepare(
        `insert into sync_checkpoints (source, done_until_ms, last_success_at_ms, updated_at_ms) values (?, 0, ?, ?)
         on conflict (source) do update set last_success_at_ms = excluded.last_success_at_ms, updated_at_ms = excluded.updated_at_ms`,
      )
      .run(source.name, finishedAtMs, finishedAtMs);
  }
  return result;
}

/** [from, to) cut at multiples of windowMs (UTC), so that runs share window boundaries. */
function splitWindows(fromMs: number, toMs: number, windowMs: number): { fromMs: number; toMs: number }[] {
  const windows: { fromMs: number; toMs: number }[] = [];
  for (let start = fromMs; start < toMs;) {
    const end = Math.min(toMs, (Math.floor(start / windowMs) + 1) * windowMs);
    windows.push({ fromMs: start, toMs: end });
    start = end;
  }
  return windows;
}

/** Where the next run of a source starts: every settled window before it is stored. */
export function getCheckpoint(db: Db, source: SyncSource): { doneUntilMs: number; lastSuccessAtMs: number | null } | null {
  const row = db.$client
    .prepare("select done_until_ms as doneUntilMs, last_success_at_ms as lastSuccessAtMs from sync_checkpoints where source = ?")
    .get(source) as { doneUntilMs: number; lastSuccessAtMs: number | null } | undefined;
  return row && row.doneUntilMs > 0 ? row : row ? { ...row, doneUntilMs: 0 } : null;
}

class IncompleteWindowError extends Error {}

async function syncWindow(db: Db, source: PullSource, window: { fromMs: number; toMs: number }, result: SyncRunResult, progress: (page: number) => void) {
  let expected = 0;
  let seen = 0;
  for (let pass = 1; pass <= PASSES_PER_WINDOW; pass++) {
    const keys = new Set<string>();
    for (let page = 1; ; page++) {
      const reply = await source.fetchPage({ ...window, page, perPage: source.perPage });
      expected = reply.total;
      storePage(db, source, reply.records, result, keys);
      result.pages++;
      progress(page);
      if (reply.records.length === 0 || page * source.perPage >= reply.total) break;
    }
    seen = keys.size;
    // Fewer distinct records than the vendor's total means pages moved under us: read the window again.
    if (seen >= expected) return;
    log.warn("sync window incomplete, reading it again", { source: source.name, fromMs: window.fromMs, pass, seen, expected });
  }
  throw new IncompleteWindowError(
    `The vendor reported ${expected} records for ${new Date(window.fromMs).toISOString()}–${new Date(window.toMs).toISOString()} but handed out ${seen} distinct ones in ${PASSES_PER_WINDOW} reads. The next run reads this window again.`,
  );
}

function storePage(db: Db, source: PullSource, records: unknown[], result: SyncRunResult, keys: Set<string>) {
  const nowMs = Date.now();
  const rejectRaw = db.$client.prepare(
    `insert into inbox (received_at_ms, endpoint, content_type, body, outcome, error_field, error_text, processed_at_ms)
     values (?, ?, 'application/json', ?, 'rejected', ?, ?, ?)`,
  );
  writeTransaction(db, () => {
    for (const raw of records) {
      keys.add(recordKey(raw));
      result.records++;
      let record: CallRecord;
      try {
        record = source.normalize(raw);
      } catch (err) {
        if (!(err instanceof VendorPayloadError)) throw err;
        rejectRaw.run(nowMs, source.name, Buffer.from(JSON.stringify(raw)), err.field, err.message, nowMs);
        result.recordsRejected++;
        continue;
      }
      const outcome = upsertCall(db, record, { payload: raw, nowMs });
      if (outcome.created) result.recordsNew++;
      else result.recordsUpdated++;
    }
  });
}

/** The vendor id when there is one, else a digest of the record: distinct records, not rows, are what we count. */
function recordKey(raw: unknown): string {
  const id = raw && typeof raw === "object" ? (raw as { id?: unknown }).id : undefined;
  if (typeof id === "number" || (typeof id === "string" && id !== "")) return `id:${id}`;
  return `h:${createHash("sha1").update(JSON.stringify(raw)).digest("hex")}`;
}

function markWindowDone(db: Db, source: SyncSource, window: { fromMs: number; toMs: number }, runId: number, nowMs: number) {
  const client = db.$client;
  writeTransaction(db, () => {
    client
      .prepare(
        `insert into sync_windows (source, from_ms, to_ms, done_at_ms, run_id) values (?, ?, ?, ?, ?)
         on conflict (source, from_ms) do update set to_ms = max(to_ms, excluded.to_ms), done_at_ms = excluded.done_at_ms, run_id = excluded.run_id`,
      )
      .run(source, window.fromMs, window.toMs, nowMs, runId);
    // The checkpoint moves only over a settled window that continues it (or starts it).
    if (window.toMs > nowMs - SETTLE_MS) return;
    const current = client.prepare("select done_until_ms as d from sync_checkpoints where source = ?").get(source) as { d: number } | undefined;
    if (current && current.d > 0 && (window.fromMs > current.d || window.toMs <= current.d)) return;
    client
      .prepare(
        `insert into sync_checkpoints (source, done_until_ms, updated_at_ms) values (?, ?, ?)
         on conflict (source) do update set done_until_ms = excluded.done_until_ms, updated_at_ms = excluded.updated_at_ms`,
      )
      .run(source, window.toMs, nowMs);
  });
}
