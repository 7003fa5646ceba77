import { writeTransaction, type Db } from "@/db/client";
import type { Env } from "@/lib/env";
import { log } from "@/lib/log";
import type { LiveState, PolledExtension, PolledExtensions } from "@/lib/queries/live";
import { toDirection } from "@/lib/vendor/fields";
import type { GetBillClient, SipCallStatus } from "@/lib/vendor/getbill-client";
import { SIP_NOT_REGISTERED, sipStatusLabel } from "@/lib/vendor/sip-status";
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
export async function pollExtensions(db: Db, client: Pick<GetBillClient, "getSipCallStatus">, nowMs = Date.now()): Promise<number | null> {
  let rows: SipCallStatus[];
  try {
    rows = await client.getSipCallStatus();
  } catch (err) {
    log.warn("extension poll failed", { error: err instanceof Error ? err.message : String(err) });
    return null;
  }
  const client_ = db.$client;
  const insert = client_.prepare(
    `insert into extension_polls (extension, status_code, registered, direction, other_number, since_ms, polled_at_ms)
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  writeTransaction(db, () => {
    client_.prepare("delete from extension_polls").run();
    for (const r of rows) {
      const direction = toDirection(r.direction);
      const other = direction === "inbound" ? r.caller : r.callee;
      const seconds = r.status === 1201 ? r.idleSec : r.callSec;
      insert.run(r.extension, r.status, r.status === SIP_NOT_REGISTERED ? 0 : 1, direction, other, seconds != null ? nowMs - seconds * 1000 : null, nowMs);
    }
  });
  return rows.length;
}

/** The stored poll as the live board takes it; an answer older than `maxAgeMs` is ignored (the poller stopped). */
export function getPolledExtensions(db: Db, maxAgeMs: number, nowMs = Date.now()): PolledExtensions {
  const rows = db.$client
    .prepare("select * from extension_polls where polled_at_ms >= ?")
    .all(nowMs - maxAgeMs) as { extension: string; status_code: number; registered: number; direction: "inbound" | "outbound" | null; other_number: string | null; since_ms: number | null; polled_at_ms: number }[];
  return Object.fromEntries(
    rows.map((r): [string, PolledExtension] => {
      const state = boardState(r.status_code);
      return [
        r.extension,
        {
          state,
          atMs: r.polled_at_ms,
          registered: r.registered === 1,
          sinceMs: r.since_ms,
          direction: r.direction,
          otherNumber: r.other_number,
          detail: [1201, 1202, 1204, SIP_NOT_REGISTERED].includes(r.status_code) ? null : sipStatusLabel(r.status_code),
        },
      ];
    }),
  );
}

/** Vendor status code → the board's states (the board shows the vendor's word beside the ones it has no colour for). */
function boardState(code: number): LiveState {
  if (code === 1202 || code === 1213) return "ringing";
  if (code === 1203 || code === 1204 || code === 1215) return "talking";
  if (code === 1208) return "unknown";
  if (code === SIP_NOT_REGISTERED) return "offline";
  return "idle";
}

/** The live board's view of the vendor poll: answers up to three poll intervals old (none when polling is off). */
export function currentPolls(db: Db, env: Env): PolledExtensions {
  return env.EXTENSION_POLL_SECONDS > 0 ? getPolledExtensions(db, Math.max(10_000, env.EXTENSION_POLL_SECONDS * 3000)) : {};
}
