import "server-only";
import { and, asc, between, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { callPayloads, calls, extensionEvents, type CallRow, type ExtensionEventRow } from "@/db/schema";
import type { CallSource, MatchKind } from "@/lib/calls";
import type { RecordingSource } from "@/lib/recordings/guard";

export type CallPayloadItem = {
  source: CallSource;
  matchedBy: MatchKind | null;
  receivedAtMs: number;
  inboxId: number | null;
  /** Pretty-printed JSON (or the stored text as it is when it is not JSON). */
  payload: string;
};

export type CallDetail = {
  call: CallRow;
  payloads: CallPayloadItem[];
  events: ExtensionEventRow[];
  /** How the extension events were found: by the call's uuid, or by its extension and time window. */
  eventsMatchedBy: "uuid" | "extension-window" | null;
};

/** Status events this long before the start or after the end of a call still belong to it (clock skew, ringing). */
const EVENT_SLACK_MS = 60_000;

/** A call with its raw payload per source and the extension status events of the same call; null if unknown. */
export function getCallDetail(db: Db, id: number): CallDetail | null {
  const call = db.select().from(calls).where(eq(calls.id, id)).get();
  if (!call) return null;
  const payloads = db
    .select()
    .from(callPayloads)
    .where(eq(callPayloads.callId, id))
    .orderBy(asc(callPayloads.receivedAtMs))
    .all()
    .map((p) => ({ source: p.source, matchedBy: p.matchedBy, receivedAtMs: p.receivedAtMs, inboxId: p.inboxId, payload: pretty(p.payload) }));

  let events: ExtensionEventRow[] = [];
  let eventsMatchedBy: CallDetail["eventsMatchedBy"] = null;
  if (call.uuid) {
    // extension_events_identity_idx (uuid, status, extension) serves this.
    events = db.select().from(extensionEvents).where(eq(extensionEvents.uuid, call.uuid)).orderBy(asc(extensionEvents.eventAtMs)).limit(50).all();
    if (events.length) eventsMatchedBy = "uuid";
  }
  if (events.length === 0 && call.extension) {
    const endMs = call.endedAtMs ?? call.startedAtMs + (call.durationSec ?? 0) * 1000;
    // extension_events_ext_time_idx (extension, event_at_ms).
    events = db
      .select()
      .from(extensionEvents)
      .where(and(eq(extensionEvents.extension, call.extension), between(extensionEvents.eventAtMs, call.startedAtMs - EVENT_SLACK_MS, endMs + EVENT_SLACK_MS)))
      .orderBy(asc(extensionEvents.eventAtMs))
      .limit(50)
      .all();
    if (events.length) eventsMatchedBy = "extension-window";
  }
  return { call, payloads, events, eventsMatchedBy };
}

/** What the recordings proxy needs of a call; null if the call does not exist. */
export function getCallRecordingSource(db: Db, id: number): RecordingSource | null {
  return (
    db.select({ recordUrl: calls.recordUrl, downloadIp: calls.downloadIp, recordFilename: calls.recordFilename }).from(calls).where(eq(calls.id, id)).get() ??
    null
  );
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
