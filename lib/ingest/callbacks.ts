import { eq, sql } from "drizzle-orm";
import { writeTransaction, type Db } from "@/db/client";
import { extensionEvents, inbox, type InboxRow } from "@/db/schema";
import {
  decodeCallbackBody,
  normalizeBillCallback,
  normalizeCdrsRecord,
  normalizeExtensionStatus,
  normalizeGetBillBill,
  VendorPayloadError,
} from "@/lib/telephony";
import type { CallbackEndpoint } from "@/lib/calls";
import { upsertCall } from "./upsert-call";

type RawCallback = {
  endpoint: CallbackEndpoint;
  body: Uint8Array;
  contentType: string | null;
  remoteAddr: string | null;
  receivedAtMs?: number;
};

type ProcessResult =
  { ok: true; inboxId: number; callId?: number; eventId?: number; created: boolean } | { ok: false; inboxId: number; field: string | null; message: string };

/** Stores a callback body verbatim, committed before anything parses it: nothing the vendor sent is lost. */
export function storeRawCallback(db: Db, raw: RawCallback): number {
  return writeTransaction(
    db,
    (tx) =>
      tx
        .insert(inbox)
        .values({
          endpoint: raw.endpoint,
          body: Buffer.from(raw.body),
          contentType: raw.contentType,
          remoteAddr: raw.remoteAddr,
          receivedAtMs: raw.receivedAtMs ?? Date.now(),
        })
        .returning({ id: inbox.id })
        .get().id,
  );
}

/**
 * Parses a stored callback and writes what it says, recording the outcome on the inbox row in the same
 * transaction. Invalid payloads are marked rejected with the field and reason, and can be replayed later.
 * Database failures throw (the caller answers 5xx so that the vendor retries; the row stays "received").
 */
export async function processInboxItem(db: Db, inboxId: number, vendorTz: string): Promise<ProcessResult> {
  const item = db.select().from(inbox).where(eq(inbox.id, inboxId)).get();
  if (!item) throw new Error(`inbox item ${inboxId} does not exist`);
  let decoded: unknown;
  try {
    decoded = await decodeCallbackBody(new Uint8Array(item.body), item.contentType);
    return writeTransaction(db, () => writeDecoded(db, item, decoded, vendorTz));
  } catch (err) {
    if (!(err instanceof VendorPayloadError)) throw err;
    db.update(inbox).set({ outcome: "rejected", errorField: err.field, errorText: err.message, processedAtMs: Date.now() }).where(eq(inbox.id, inboxId)).run();
    return { ok: false, inboxId, field: err.field, message: err.message };
  }
}

/** Runs a stored callback again (after a fix, or one that failed on our side). */
export async function replayInboxItem(db: Db, inboxId: number, vendorTz: string): Promise<ProcessResult> {
  db.update(inbox)
    .set({ attempts: sql`${inbox.attempts} + 1` })
    .where(eq(inbox.id, inboxId))
    .run();
  return processInboxItem(db, inboxId, vendorTz);
}

function writeDecoded(db: Db, item: InboxRow, decoded: unknown, vendorTz: string): ProcessResult {
  const nowMs = Date.now();
  if (item.endpoint !== "extension-status") {
    const record =
      item.endpoint === "getbill"
        ? normalizeGetBillBill(decoded, vendorTz)
        : item.endpoint === "cdrs"
          ? normalizeCdrsRecord(decoded, vendorTz)
          : normalizeBillCallback(decoded, vendorTz);
    const { callId, created } = upsertCall(db, record, { payload: decoded, inboxId: item.id, nowMs });
    markStored(db, item.id, { callId }, nowMs);
    return { ok: true, inboxId: item.id, callId, created };
  }
  const event = normalizeExtensionStatus(decoded);
  const inserted = db
    .insert(extensionEvents)
    .values({ ...event, inboxId: item.id, receivedAtMs: nowMs })
    .onConflictDoNothing()
    .returning({ id: extensionEvents.id })
    .get();
  const eventId =
    inserted?.id ??
    db
      .select({ id: extensionEvents.id })
      .from(extensionEvents)
      .where(
        sql`${extensionEvents.uuid} = ${event.uuid} and ${extensionEvents.status} = ${event.status} and ${extensionEvents.extension} is ${event.extension}`,
      )
      .get()?.id;
  markStored(db, item.id, { eventId: eventId ?? null }, nowMs);
  return { ok: true, inboxId: item.id, eventId, created: inserted != null };
}

function markStored(db: Db, inboxId: number, link: { callId?: number; eventId?: number | null }, nowMs: number) {
  db.update(inbox)
    .set({ outcome: "stored", errorField: null, errorText: null, processedAtMs: nowMs, ...link })
    .where(eq(inbox.id, inboxId))
    .run();
}
