import { and, asc, eq, isNull, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { acquireLease, releaseLease } from "@/db/lease";
import { inbox } from "@/db/schema";
import type { Env } from "@/lib/env";
import { log } from "@/lib/log";
import { replayInboxItem } from "./callbacks";

/**
 * How rows left `received` are taken again. A row is left so when the process died, or our side failed, between
 * storing a body and parsing it; the vendor may not retry (it got a 2xx for nothing, or gave up on our 5xx).
 */
export const INBOX_RETRY = {
  /** A body younger than this may still be in flight in the request that stored it (INBOX_RETRY_GRACE_SECONDS). */
  graceMs: 30_000,
  /** Attempts in all, the request's own first one included; then the row is marked failed (replayable by hand). */
  maxAttempts: 6,
  /** Backoff after a failed attempt: 30 s, 1 min, 2 min, 4 min … capped. */
  backoffBaseMs: 30_000,
  backoffMaxMs: 30 * 60_000,
  /** Rows taken per sweep; a larger backlog is worked through sweep after sweep. */
  batch: 500,
  everyMs: 5_000,
  firstAfterMs: 2_000,
} as const;

type InboxRetrySummary = { taken: number; stored: number; rejected: number; deferred: number; failed: number };

/**
 * One sweep: processes each row left `received` whose time has come, as a replay would. A row that fails on our
 * side again waits its backoff; after INBOX_RETRY.maxAttempts it is marked failed and shown on /sync.
 */
export async function retryStuckInbox(db: Db, vendorTz: string, nowMs = Date.now(), graceMs: number = INBOX_RETRY.graceMs): Promise<InboxRetrySummary> {
  const due = db
    .select({ id: inbox.id })
    .from(inbox)
    .where(and(eq(inbox.outcome, "received"), lte(inbox.receivedAtMs, nowMs - graceMs), or(isNull(inbox.nextAttemptAtMs), lte(inbox.nextAttemptAtMs, nowMs))))
    .orderBy(asc(inbox.id))
    .limit(INBOX_RETRY.batch)
    .all();
  const summary: InboxRetrySummary = { taken: due.length, stored: 0, rejected: 0, deferred: 0, failed: 0 };
  for (const { id } of due) {
    try {
      const result = await replayInboxItem(db, id, vendorTz);
      if (result.ok) summary.stored++;
      else summary.rejected++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (deferOrFail(db, id, message, Date.now()) === "failed") summary.failed++;
      else summary.deferred++;
    }
  }
  return summary;
}

/** Sweeps every INBOX_RETRY.everyMs under a lease, so that one process works the backlog however many run. */
export function startInboxRetry(db: Db, env: Env) {
  const holder = globalThis as typeof globalThis & { __inboxRetry?: NodeJS.Timeout };
  if (holder.__inboxRetry) return;
  const name = `inbox-retry:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const tick = async () => {
    try {
      if (acquireLease(db, "inbox-retry", name, INBOX_RETRY.everyMs * 4)) {
        const summary = await retryStuckInbox(db, env.VENDOR_TZ, Date.now(), env.INBOX_RETRY_GRACE_SECONDS * 1000);
        if (summary.taken > 0) log.info("inbox retry", summary);
        releaseLease(db, "inbox-retry", name);
      }
    } catch (err) {
      log.error("inbox retry failed", { error: err instanceof Error ? err.message : String(err) });
    }
    holder.__inboxRetry = setTimeout(tick, INBOX_RETRY.everyMs);
    holder.__inboxRetry.unref();
  };
  holder.__inboxRetry = setTimeout(tick, INBOX_RETRY.firstAfterMs);
  holder.__inboxRetry.unref();
}

/** After a failed attempt: wait the backoff, or give up once the attempts are spent. */
function deferOrFail(db: Db, id: number, message: string, nowMs: number): "deferred" | "failed" {
  const row = db.select({ attempts: inbox.attempts }).from(inbox).where(eq(inbox.id, id)).get();
  const attempts = row?.attempts ?? INBOX_RETRY.maxAttempts;
  const errorText = `Processing failed on our side: ${message}`;
  if (attempts >= INBOX_RETRY.maxAttempts) {
    db.update(inbox)
      .set({ outcome: "failed", errorText, processedAtMs: nowMs, nextAttemptAtMs: null })
      .where(and(eq(inbox.id, id), eq(inbox.outcome, "received")))
      .run();
    log.error("inbox item failed for good", { inboxId: id, attempts, error: message });
    return "failed";
  }
  const backoff = Math.min(INBOX_RETRY.backoffMaxMs, INBOX_RETRY.backoffBaseMs * 2 ** Math.max(0, attempts - 2));
  db.update(inbox)
    .set({ errorText, nextAttemptAtMs: nowMs + backoff })
    .where(and(eq(inbox.id, id), eq(inbox.outcome, "received")))
    .run();
  return "deferred";
}
