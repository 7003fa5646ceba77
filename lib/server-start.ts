import { getDb } from "@/db/client";
import { ensureAdminUser } from "@/lib/auth/bootstrap";
import { EnvError, getEnv } from "@/lib/env";
import { startInboxRetry } from "@/lib/ingest/inbox-retry";
import { log } from "@/lib/log";
import { startExtensionPoller } from "@/lib/sync/extension-poller";
import { startSyncScheduler } from "@/lib/sync/scheduler";

export async function startServer() {
  try {
    const env = getEnv();
    const db = getDb();
    await ensureAdminUser();
    startSyncScheduler(db, env);
    startExtensionPoller(db, env);
    startInboxRetry(db, env);
    log.info("server ready", { database: env.databasePath, vendorTz: env.VENDOR_TZ, displayTz: env.DISPLAY_TZ });
  } catch (err) {
    // A configuration error is the operator's to fix: its sentence names each variable, so it is printed as is.
    if (err instanceof EnvError) console.error(err.message);
    else log.error("startup failed", { error: err, stack: err instanceof Error ? err.stack : undefined });
    process.exit(1);
  }
}
