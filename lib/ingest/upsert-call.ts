import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { callKeys, callPayloads, calls, type CallRow, type NewCallRow } from "@/db/schema";
import { CALL_SOURCES, type CallRecord, type CallSource } from "@/lib/vendor/call-record";

export type UpsertOutcome = { callId: number; created: boolean; merged: number };

/**
 * Stores a normalized record as the one row of its call. Identity is the vendor id within its id space and
 * the uuid: a record whose keys already belong to a call updates that call; keys that belong to several calls
 * (a uuid-only callback and an id-only pull of the same call, then a callback carrying both) merge them.
 * Must run inside a transaction (the caller's), so that the row, its keys and its payload commit together.
 */
export function upsertCall(
  db: Executor,
  record: CallRecord,
  options: { payload: unknown; inboxId?: number | null; nowMs?: number },
): UpsertOutcome {
  const nowMs = options.nowMs ?? Date.now();
  const keys = identityKeys(record);
  const owners = keys.length
    ? db.selectDistinct({ callId: callKeys.callId }).from(callKeys).where(inArray(callKeys.key, keys)).all()
    : [];
  const ownerIds = owners.map((o) => o.callId).sort((a, b) => a - b);

  let callId: number;
  let created = false;
  if (ownerIds.length === 0) {
    callId = db.insert(calls).values(toInsert(record, nowMs)).returning({ id: calls.id }).get().id;
    created = true;
  } else {
    callId = ownerIds[0]!;
    for (const otherId of ownerIds.slice(1)) mergeCallInto(db, otherId, callId);
    const existing = db.select().from(calls).where(eq(calls.id, callId)).get()!;
    db.update(calls).set(mergeInto(existing, record, nowMs)).where(eq(calls.id, callId)).run();
  }

  for (const key of keys) {
    db.insert(callKeys).values({ key, callId }).onConflictDoNothing().run();
  }
  db.insert(callPayloads)
    .values({
      callId,
      source: record.source,
      payload: JSON.stringify(options.payload),
      inboxId: options.inboxId ?? null,
      receivedAtMs: nowMs,
    })
    .onConflictDoUpdate({
      target: [callPayloads.callId, callPayloads.source],
      set: { payload: JSON.stringify(options.payload), inboxId: options.inboxId ?? null, receivedAtMs: nowMs },
    })
    .run();
  return { callId, created, merged: ownerIds.length > 1 ? ownerIds.length - 1 : 0 };
}

/** `sip:<id>`, `cdrs:<id>`, `uuid:<uuid>`: the keys under which a record can meet its call again. */
export function identityKeys(record: Pick<CallRecord, "vendorSystem" | "vendorId" | "uuid">): string[] {
  const keys: string[] = [];
  if (record.vendorId != null) keys.push(`${record.vendorSystem}:${record.vendorId}`);
  if (record.uuid) keys.push(`uuid:${record.uuid}`);
  return keys;
}

export function sourceBit(source: CallSource): number {
  return 1 << CALL_SOURCES.indexOf(source);
}

export function sourcesOf(bits: number): CallSource[] {
  return CALL_SOURCES.filter((s) => (bits & sourceBit(s)) !== 0);
}

function toInsert(record: CallRecord, nowMs: number): NewCallRow {
  const fields = fieldsOf(record);
  return {
    ...fields,
    vendorSystem: fields.vendorSystem ?? record.vendorSystem,
    sources: sourceBit(record.source),
    firstSeenAtMs: nowMs,
    lastSeenAtMs: nowMs,
  };
}

/** A newer record's known values win; what it does not carry (cdrs has no hangup cause) keeps the stored value. */
function mergeInto(existing: CallRow, record: CallRecord, nowMs: number): Partial<NewCallRow> {
  const incoming = fieldsOf(record);
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(incoming)) {
    merged[key] = value ?? existing[key as keyof CallRow];
  }
  const billSec = incoming.billSec;
  return {
    ...(merged as Partial<NewCallRow>),
    billSec,
    answered: billSec > 0 ? 1 : 0,
    sources: existing.sources | sourceBit(record.source),
    lastSeenAtMs: nowMs,
  };
}

function mergeCallInto(db: Executor, fromId: number, intoId: number) {
  const from = db.select().from(calls).where(eq(calls.id, fromId)).get();
  const into = db.select().from(calls).where(eq(calls.id, intoId)).get();
  if (!from || !into) return;
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(into)) {
    if (value == null) set[key] = from[key as keyof CallRow];
  }
  set.sources = into.sources | from.sources;
  set.firstSeenAtMs = Math.min(into.firstSeenAtMs, from.firstSeenAtMs);
  delete set.id;
  db.update(calls).set(set as Partial<NewCallRow>).where(eq(calls.id, intoId)).run();
  db.update(callKeys).set({ callId: intoId }).where(eq(callKeys.callId, fromId)).run();
  // A payload per source: keep the survivor's where both have one.
  db.run(sql`UPDATE OR IGNORE call_payloads SET call_id = ${intoId} WHERE call_id = ${fromId}`);
  db.delete(callPayloads).where(eq(callPayloads.callId, fromId)).run();
  db.delete(calls).where(eq(calls.id, fromId)).run();
}

function fieldsOf(r: CallRecord) {
  return {
    // "sip" ids name the call better than cdrs ids; a cdrs-only call gets "cdrs" on insert (toInsert).
    vendorSystem: r.vendorSystem === "sip" ? ("sip" as const) : null,
    vendorId: r.vendorSystem === "sip" ? r.vendorId : null,
    cdrsId: r.vendorSystem === "cdrs" ? r.vendorId : null,
    uuid: r.uuid,
    direction: r.direction,
    callMethod: r.callMethod,
    startedAtMs: r.startedAtMs,
    answeredAtMs: r.answeredAtMs,
    endedAtMs: r.endedAtMs,
    durationSec: r.durationSec,
    billSec: r.billSec,
    answered: r.billSec > 0 ? 1 : 0,
    extension: r.extension,
    agent: r.agent,
    displayNumber: r.displayNumber,
    destNumber: r.destNumber,
    memberId: r.memberId,
    customerId: r.customerId,
    chengshudu: r.chengshudu,
    userKey: r.userKey,
    companyCode: r.companyCode,
    taskId: r.taskId,
    round: r.round,
    hangupCause: r.hangupCause,
    hangupDirection: r.hangupDirection,
    downloadIp: r.downloadIp,
    recordFilename: r.recordFilename,
    recordUrl: r.recordUrl,
    aNumber: r.aNumber,
    aStartedAtMs: r.aStartedAtMs,
    aAnsweredAtMs: r.aAnsweredAtMs,
    aEndedAtMs: r.aEndedAtMs,
    aDurationSec: r.aDurationSec,
    aBillSec: r.aBillSec,
    clientIp: r.clientIp,
  };
}
