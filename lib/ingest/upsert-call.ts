import type Database from "better-sqlite3";
import { eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { callKeys, callPayloads, calls, type CallRow, type NewCallRow } from "@/db/schema";
import { sourceBit, type CallRecord, type MatchKind } from "@/lib/calls";
import { applyRollupChange, ROLLUP_SOURCE_COLUMNS, type RollupSource } from "./rollup";

type UpsertOutcome = { callId: number; created: boolean; merged: number; matchedBy: MatchKind };

/**
 * Stores a normalized record as the one row of its call, and remembers the record's raw payload per source.
 *
 * Identity: the vendor id within its id space and the uuid (call_keys). A record that shares neither with a stored
 * call (a uuid-only predictive callback, an id-only GetBill bill, a /api/cdrs record: the three share no id) is
 * matched on its fingerprint (start instant, display and destination number), but never to a call whose own id or
 * uuid contradicts it. Keys that turn out to belong to several calls merge them into the oldest.
 *
 * Runs on the connection's current transaction: callers wrap a batch in writeTransaction(), so that the rows, keys,
 * payloads and their own bookkeeping commit together. Hot path (a sync page is 1,000 of these): prepared statements.
 */
export function upsertCall(db: Db, record: CallRecord, options: { payload: unknown; inboxId?: number | null; nowMs?: number }): UpsertOutcome {
  const s = statementsFor(db.$client);
  const nowMs = options.nowMs ?? Date.now();
  const fields = fieldsOf(record);
  const keys = identityKeys(record);

  const owners = new Set<number>();
  let matchedBy: MatchKind = "new";
  for (const key of keys) {
    const owner = s.keyOwner.get(key) as { call_id: number } | undefined;
    if (owner) {
      if (owners.size === 0) matchedBy = key.startsWith("uuid:") ? "uuid" : "id";
      owners.add(owner.call_id);
    }
  }
  if (owners.size === 0 && fields.fingerprint) {
    const candidates = s.byFingerprint.all(fields.fingerprint) as FingerprintCandidate[];
    const match = candidates.find((c) => compatible(c, fields));
    if (match) {
      owners.add(match.id);
      matchedBy = "fingerprint";
    }
  }

  let callId: number;
  let merged = 0;
  if (owners.size === 0) {
    const inserted = s.insertCall.get({
      ...fields,
      vendorSystem: fields.vendorSystem ?? record.vendorSystem,
      sources: sourceBit(record.source),
      nowMs,
    }) as { id: number } & RollupSource;
    callId = inserted.id;
    applyRollupChange(db.$client, null, inserted);
  } else {
    const ids = [...owners].sort((a, b) => a - b);
    callId = ids[0]!;
    for (const other of ids.slice(1)) mergeCallInto(db, other, callId);
    merged = ids.length - 1;
    const before = s.rollupSource.get(callId) as RollupSource;
    const after = s.updateCall.get({
      ...fields,
      sourceBit: sourceBit(record.source),
      fromCdrs: record.source === "cdrs" ? 1 : 0,
      nowMs,
      id: callId,
    }) as RollupSource;
    applyRollupChange(db.$client, before, after);
  }

  for (const key of keys) s.insertKey.run(key, callId);
  s.upsertPayload.run({
    callId,
    source: record.source,
    payload: JSON.stringify(options.payload),
    inboxId: options.inboxId ?? null,
    matchedBy,
    nowMs,
  });
  return { callId, created: owners.size === 0, merged, matchedBy };
}

/** `sip:<id>`, `cdrs:<id>`, `uuid:<uuid>`: the keys under which a record can meet its call again. */
export function identityKeys(record: Pick<CallRecord, "vendorSystem" | "vendorId" | "uuid">): string[] {
  const keys: string[] = [];
  if (record.vendorId != null) keys.push(`${record.vendorSystem}:${record.vendorId}`);
  if (record.uuid) keys.push(`uuid:${record.uuid}`);
  return keys;
}

function callFingerprint(r: Pick<CallRecord, "startedAtMs" | "displayNumber" | "destNumber">): string | null {
  if (!r.displayNumber || !r.destNumber) return null;
  return `${r.startedAtMs}|${r.displayNumber}|${r.destNumber}`;
}

type Fields = ReturnType<typeof fieldsOf>;
type FingerprintCandidate = { id: number; vendor_id: number | null; cdrs_id: number | null; uuid: string | null };

/** A fingerprint match may not contradict an id or uuid the stored call already has. */
function compatible(c: FingerprintCandidate, f: Fields): boolean {
  if (f.vendorId != null && c.vendor_id != null && c.vendor_id !== f.vendorId) return false;
  if (f.cdrsId != null && c.cdrs_id != null && c.cdrs_id !== f.cdrsId) return false;
  if (f.uuid != null && c.uuid != null && c.uuid !== f.uuid) return false;
  return true;
}

const statementCache = new WeakMap<Database.Database, ReturnType<typeof prepareStatements>>();

function statementsFor(client: Database.Database) {
  let s = statementCache.get(client);
  if (!s) {
    s = prepareStatements(client);
    statementCache.set(client, s);
  }
  return s;
}

function prepareStatements(client: Database.Database) {
  const columns = getTableColumns(calls);
  const fieldKeys = Object.keys(fieldsOf(EMPTY_RECORD)) as (keyof Fields)[];
  const col = (key: string) => columns[key as keyof typeof columns].name;
  // A newer record's known values win; what it does not carry (cdrs has no hangup cause) keeps the stored value.
  // Talk time is always the newest: "answered" must follow the latest word of the vendor.
  // Who hung up: /api/cdrs says it with less detail (no timeout), so its word does not replace what a bill said.
  const assignments = fieldKeys.map((k) =>
    k === "billSec" || k === "answered"
      ? `${col(k)} = @${k}`
      : k === "hangupSide" || k === "hangupDirection"
        ? `${col(k)} = case when @fromCdrs = 1 then coalesce(${col(k)}, @${k}) else coalesce(@${k}, ${col(k)}) end`
        : `${col(k)} = coalesce(@${k}, ${col(k)})`,
  );
  return {
    keyOwner: client.prepare("select call_id from call_keys where key = ?"),
    byFingerprint: client.prepare("select id, vendor_id, cdrs_id, uuid from calls where fingerprint = ? order by id limit 16"),
    insertCall: client.prepare(
      `insert into calls (${fieldKeys.map(col).join(", ")}, sources, first_seen_at_ms, last_seen_at_ms)
       values (${fieldKeys.map((k) => `@${k}`).join(", ")}, @sources, @nowMs, @nowMs) returning id, ${ROLLUP_SOURCE_COLUMNS}`,
    ),
    updateCall: client.prepare(
      `update calls set ${assignments.join(", ")}, sources = sources | @sourceBit, last_seen_at_ms = @nowMs where id = @id
       returning ${ROLLUP_SOURCE_COLUMNS}`,
    ),
    rollupSource: client.prepare(`select ${ROLLUP_SOURCE_COLUMNS} from calls where id = ?`),
    insertKey: client.prepare("insert or ignore into call_keys (key, call_id) values (?, ?)"),
    upsertPayload: client.prepare(
      `insert into call_payloads (call_id, source, payload, inbox_id, matched_by, received_at_ms)
       values (@callId, @source, @payload, @inboxId, @matchedBy, @nowMs)
       on conflict (call_id, source) do update set payload = excluded.payload, inbox_id = excluded.inbox_id,
         matched_by = coalesce(call_payloads.matched_by, excluded.matched_by), received_at_ms = excluded.received_at_ms`,
    ),
  };
}

/** Rare: two rows turned out to be one call. The survivor keeps its values and gains what only the other had. */
function mergeCallInto(db: Db, fromId: number, intoId: number) {
  const from = db.select().from(calls).where(eq(calls.id, fromId)).get();
  const into = db.select().from(calls).where(eq(calls.id, intoId)).get();
  if (!from || !into) return;
  const rollupSource = statementsFor(db.$client).rollupSource;
  // The removed row leaves the rollups; the survivor's contribution moves with the values it gains.
  applyRollupChange(db.$client, rollupSource.get(fromId) as RollupSource, null);
  const intoBefore = rollupSource.get(intoId) as RollupSource;
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(into)) {
    if (value == null) set[key] = from[key as keyof CallRow];
  }
  set.sources = into.sources | from.sources;
  set.firstSeenAtMs = Math.min(into.firstSeenAtMs, from.firstSeenAtMs);
  delete set.id;
  db.update(calls)
    .set(set as Partial<NewCallRow>)
    .where(eq(calls.id, intoId))
    .run();
  applyRollupChange(db.$client, intoBefore, rollupSource.get(intoId) as RollupSource);
  db.update(callKeys).set({ callId: intoId }).where(eq(callKeys.callId, fromId)).run();
  // One payload per source: the survivor's stays where both have one.
  db.run(sql`UPDATE OR IGNORE call_payloads SET call_id = ${intoId} WHERE call_id = ${fromId}`);
  db.delete(callPayloads).where(eq(callPayloads.callId, fromId)).run();
  db.delete(calls).where(eq(calls.id, fromId)).run();
}

function fieldsOf(r: CallRecord) {
  return {
    // "sip" ids name the call better than cdrs ids; a cdrs-only call gets "cdrs" on insert.
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
    hangupSide: r.hangupSide,
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
    fingerprint: callFingerprint(r),
  };
}

const EMPTY_RECORD = {
  source: "callback",
  vendorSystem: "sip",
  vendorId: null,
  uuid: null,
  startedAtMs: 0,
  billSec: 0,
} as unknown as CallRecord;
