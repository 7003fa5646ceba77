import type { Db } from "@/db/client";
import type { Env } from "@/lib/env";
import { log } from "@/lib/log";
import { runConfiguredSync, type SyncOutcome } from "./configured";

type Holder = typeof globalThis & { __syncScheduler?: NodeJS.Timeout; __syncRunning?: Promise<SyncOutcome> | null };
const holder = globalThis as Holder;

/**
 * Every SYNC_INTERVAL_SECONDS, sync the configured sources over a trailing window (from the checkpoint, at least
 * SYNC_LOOKBACK_HOURS back, so late bills are re-read). The database lease keeps it to one run across processes.
 */
export function startSyncScheduler(db: Db, env: Env) {
  if (env.SYNC_INTERVAL_SECONDS === 0 || holder.__syncScheduler) return;
  const tick = async () => {
    await triggerSync(db, env, "schedule");
    holder.__syncScheduler = setTimeout(tick, env.SYNC_INTERVAL_SECONDS * 1000);
    holder.__syncScheduler.unref();
  };
  holder.__syncScheduler = setTimeout(tick, 5_000);
  holder.__syncScheduler.unref();
  log.info("sync scheduler started", { everySeconds: env.SYNC_INTERVAL_SECONDS, lookbackHours: env.SYNC_LOOKBACK_HOURS });
}

/** Starts a sync unless this process already runs one; resolves when it ends. Never throws (the run row tells). */
export function triggerSync(db: Db, env: Env, trigger: "schedule" | "manual"): Promise<SyncOutcome | null> {
  if (holder.__syncRunning) return holder.__syncRunning;
  const running = runConfiguredSync(db, env, { trigger })
    .then((outcome) => {
      if (outcome.status === "done") {
        for (const r of outcome.results) {
          const context = { source: r.source, trigger, records: r.records, new: r.recordsNew, ms: r.durationMs };
          if (r.outcome === "failed") log.warn("sync failed", { ...context, error: r.errorText });
          else log.info("sync done", context);
        }
      }
      return outcome;
    })
    .catch((err) => {
      log.error("sync crashed", { trigger, error: err instanceof Error ? err.stack : String(err) });
      return null;
    })
    .finally(() => {
      holder.__syncRunning = null;
    });
  holder.__syncRunning = running as Promise<SyncOutcome>;
  return running;
}
