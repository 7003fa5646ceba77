import { writeTransaction, type Db } from "@/db/client";
import type { Env } from "@/lib/env";
import { log } from "@/lib/log";
import type { GetBillClient, SipCallStatus } from "@/lib/telephony/getbill-client";
import { normalizeSipCallStatus } from "@/lib/telephony/sip-status";
import { configuredSources } from "./configured";
import { acquireLease } from "@/db/lease";

type Holder = typeof globalThis & { __extensionPoller?: NodeJS.Timeout };
const holder = globalThis as Holder;
const POLL_LEASE = "extension-poll";

/**
 * When the GetBill login is configured, asks the vendor for every extension's state every EXTENSION_POLL_SECONDS and
 * keeps the answer in extension_polls. The live board merges it with the status callbacks, so an extension left
 * "ringing" or "talking" by a missed hangup callback returns to its real state within one poll.
 */
export function startExtensionPoller(db: Db, env: Env) {
  if (env.EXTENSION_POLL_SECONDS === 0 || !env.GETBILL_APPID || !env.GETBILL_ACCESSKEY || holder.__extensionPoller) return;
  const { getbill } = configuredSources(db, env, { retries: 1, timeoutMs: Math.max(2000, env.EXTENSION_POLL_SECONDS * 800) });
  if (!getbill) return;
  const me = `${process.pid}`;
  const tick = async () => {
    // One process polls for all of them; the lease lapses if it dies.
    if (acquireLease(db, POLL_LEASE, me, env.EXTENSION_POLL_SECONDS * 3000)) await pollExtensions(db, getbill);
    holder.__extensionPoller = setTimeout(tick, env.EXTENSION_POLL_SECONDS * 1000);
    holder.__extensionPoller.unref();
  };
  holder.__extensionPoller = setTimeout(tick, 1000);
  holder.__extensionPoller.unref();
  log.info("extension poller started", { everySeconds: env.EXTENSION_POLL_SECONDS });
}

/** One poll: the vendor's list replaces the stored one. Failures are logged and leave the last answer in place. */
async function pollExtensions(db: Db, client: Pick<GetBillClient, "getSipCallStatus">, nowMs = Date.now()): Promise<number | null> {
  let rows: SipCallStatus[];
  try {
    rows = await client.getSipCallStatus();
  } catch (err) {
    log.warn("extension poll failed", { error: err instanceof Error ? err.message : String(err) });
    return null;
  }
  const client_ = db.$client;
  const insert = client_.prepare(
    `insert into extension_polls (extension, status_code, state, detail, registered, direction, other_number, since_ms, polled_at_ms)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  writeTransaction(db, () => {
    client_.prepare("delete from extension_polls").run();
    for (const row of rows) {
      const e = normalizeSipCallStatus(row, nowMs);
      if (!e) continue;
      insert.run(e.extension, row.status, e.state, e.detail, e.registered ? 1 : 0, e.direction, e.otherNumber, e.sinceMs, nowMs);
    }
  });
  return rows.length;
}
