import "server-only";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inbox, leases, syncCheckpoints, syncRuns } from "@/db/schema";
import { SYNC_SOURCES, type InboxEndpoint, type InboxOutcome, type VendorAccount } from "@/lib/calls";

/** Per source: last success, checkpoint, lag, the last run, and recent runs for the /sync page. */
export function getSyncStatus(db: Db, nowMs = Date.now()) {
  const checkpoints = db.select().from(syncCheckpoints).all();
  const runs = db.select().from(syncRuns).orderBy(desc(syncRuns.id)).limit(30).all();
  const lease = db.select().from(leases).where(eq(leases.name, "sync")).get();
  const sources = SYNC_SOURCES.map((name) => {
    const checkpoint = checkpoints.find((c) => c.source === name);
    const lastRun = runs.find((r) => r.source === name) ?? null;
    return {
      name,
      doneUntilMs: checkpoint?.doneUntilMs || null,
      lastSuccessAtMs: checkpoint?.lastSuccessAtMs ?? null,
      lagMs: checkpoint?.doneUntilMs ? nowMs - checkpoint.doneUntilMs : null,
      lastRun,
    };
  });
  return {
    nowMs,
    sources,
    runs,
    running: lease && lease.expiresAtMs > nowMs ? { holder: lease.holder, expiresAtMs: lease.expiresAtMs } : null,
    login: getLoginInfo(db),
  };
}

export type InboxListItem = {
  id: number;
  receivedAtMs: number;
  endpoint: InboxEndpoint;
  contentType: string | null;
  remoteAddr: string | null;
  outcome: InboxOutcome;
  errorField: string | null;
  errorText: string | null;
  attempts: number;
  bodyPreview: string;
  bodySize: number;
};

/**
 * Payloads that need a look, newest first, for review and replay: rejected (not a call), failed (our side failed
 * every retry) and those still being retried in the background.
 */
export function listProblemInbox(db: Db, limit = 50, nowMs = Date.now()): { items: InboxListItem[]; rejected: number; failed: number; retrying: number } {
  // "received" is normal for the instant between storing and parsing; past the grace it is being retried.
  const stuckBefore = nowMs - 60_000;
  const retrying = and(eq(inbox.outcome, "received"), lt(inbox.receivedAtMs, stuckBefore));
  const problem = or(eq(inbox.outcome, "rejected"), eq(inbox.outcome, "failed"), retrying);
  const rows = db
    .select({
      id: inbox.id,
      receivedAtMs: inbox.receivedAtMs,
      endpoint: inbox.endpoint,
      contentType: inbox.contentType,
      remoteAddr: inbox.remoteAddr,
      outcome: inbox.outcome,
      errorField: inbox.errorField,
      errorText: inbox.errorText,
      attempts: inbox.attempts,
      bodyPreview: sql<string>`substr(cast(${inbox.body} as text), 1, 600)`,
      bodySize: sql<number>`length(${inbox.body})`,
    })
    .from(inbox)
    .where(problem)
    .orderBy(desc(inbox.id))
    .limit(limit)
    .all();
  const countWhere = (where: ReturnType<typeof eq> | undefined) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(inbox)
      .where(where)
      .get()?.n ?? 0;
  return {
    items: rows,
    rejected: countWhere(eq(inbox.outcome, "rejected")),
    failed: countWhere(eq(inbox.outcome, "failed")),
    retrying: countWhere(retrying),
  };
}

/** What the last login said about the account (company, authorization expiry), for /settings and /sync. */
export function getLoginInfo(db: Db, name = "getbill"): (VendorAccount & { obtainedAtMs: number }) | null {
  const row = db.$client.prepare("select info, obtained_at_ms as obtainedAtMs from vendor_tokens where name = ?").get(name) as
    { info: string | null; obtainedAtMs: number } | undefined;
  if (!row?.info) return null;
  return { ...(JSON.parse(row.info) as VendorAccount), obtainedAtMs: row.obtainedAtMs };
}
