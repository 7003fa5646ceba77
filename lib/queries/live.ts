import "server-only";
import { desc, gte, sql } from "drizzle-orm";
import { readSnapshot, type Db } from "@/db/client";
import { calls, extensionPolls } from "@/db/schema";
import type { Env } from "@/lib/env";
import { callFilterSchema } from "@/lib/filters/call-filter";
import { getHangupLabels, labelHangup } from "@/lib/settings/hangup-labels";
import { startOfZonedDay } from "@/lib/time";
import { getCallSummary } from "./analytics";
import { LIVE_STATES, type Direction, type ExtensionStatus, type LiveState } from "@/lib/calls";

/**
 * The live wallboard: one tile per extension (from the extension status callbacks, optionally corrected by a poll of
 * the vendor's GetSipCallStatus), today's counters and the latest calls.
 */

/** A ring or answer older than this without a hangup is shown as "unknown (no hangup received)", not as stuck. */
export const STALE_AFTER_MS = 2 * 60 * 60 * 1000;
/** Extensions with an event or a call in this window are on the board. */
const KNOWN_WITHIN_MS = 30 * 24 * 60 * 60 * 1000;
const LATEST_CALLS_LIMIT = 15;

/**
 * One extension's state read by polling the vendor (App.Sip_Status.GetSipCallStatus, issue 8), already mapped to a
 * board state at the telephony edge (lib/telephony/sip-status.ts).
 * `atMs` is when the poll answered; `sinceMs` when the extension entered that state, if the poll tells
 * (idleduration / callduration).
 */
export type PolledExtension = {
  state: LiveState;
  atMs: number;
  registered: boolean;
  sinceMs?: number | null;
  direction?: Direction | null;
  otherNumber?: string | null;
  /** The vendor's own word for states the board has no colour for ("Paused", "Off-hook"), shown beside the state. */
  detail?: string | null;
};
export type PolledExtensions = Readonly<Record<string, PolledExtension>>;

export type ExtensionTile = {
  extension: string;
  state: LiveState;
  /** When the extension entered its state, UTC ms; null when never seen in a status event or poll. */
  sinceMs: number | null;
  direction: Direction | null;
  /** The other party: the callee of an outbound call, the caller of an inbound one. */
  otherNumber: string | null;
  /** Where the state comes from: a status callback, a poll, or nothing yet (known from calls only). */
  source: "event" | "poll" | "none";
  registered: boolean | null;
  detail: string | null;
  callUuid: string | null;
};

export type LiveCounters = {
  calls: number;
  answered: number;
  /** Percent of calls answered (billsec > 0), one decimal; null without calls. */
  answerRatePct: number | null;
  talkSec: number;
};

export type LatestCall = {
  id: number;
  startedAtMs: number;
  direction: Direction | null;
  extension: string | null;
  otherNumber: string | null;
  billSec: number;
  answered: boolean;
  hangupCause: string;
};

export type LiveBoard = {
  nowMs: number;
  dayStartMs: number;
  displayTz: string;
  extensions: ExtensionTile[];
  stateCounts: Record<LiveState, number>;
  today: LiveCounters;
  latestCalls: LatestCall[];
};

/** The latest status event of an extension, with the ring time of the same call (see `toExtensionTile`). */
export type LatestExtensionEvent = {
  extension: string;
  uuid: string;
  status: ExtensionStatus;
  direction: Direction | null;
  caller: string | null;
  callee: string | null;
  eventAtMs: number;
  receivedAtMs: number;
  ringAtMs: number | null;
};

type Options = { nowMs?: number; displayTz: string; polled?: PolledExtensions };

/** Everything the wallboard shows, in one read transaction so that tiles, counters and calls agree. */
export function getLiveBoard(db: Db, { nowMs = Date.now(), displayTz, polled = {} }: Options): LiveBoard {
  return readSnapshot(db, () => {
    const extensions = listExtensionTiles(db, { nowMs, polled });
    const dayStartMs = startOfZonedDay(nowMs, displayTz);
    const stateCounts = Object.fromEntries(LIVE_STATES.map((s) => [s, 0])) as Record<LiveState, number>;
    for (const tile of extensions) stateCounts[tile.state] += 1;
    return {
      nowMs,
      dayStartMs,
      displayTz,
      extensions,
      stateCounts,
      today: getDayCounters(db, dayStartMs, nextDayStartMs(dayStartMs, displayTz)),
      latestCalls: listLatestCalls(db),
    };
  });
}

/** Every known extension with its current state, ordered by extension number. */
export function listExtensionTiles(db: Db, { nowMs = Date.now(), polled = {} }: { nowMs?: number; polled?: PolledExtensions } = {}): ExtensionTile[] {
  const knownSinceMs = nowMs - KNOWN_WITHIN_MS;
  const byExtension = new Map<string, ExtensionTile>();
  for (const event of listLatestExtensionEvents(db)) {
    if (event.eventAtMs < knownSinceMs && event.receivedAtMs < knownSinceMs) continue;
    byExtension.set(event.extension, toExtensionTile(event, nowMs));
  }
  for (const extension of listRecentCallExtensions(db, knownSinceMs)) {
    if (!byExtension.has(extension)) byExtension.set(extension, emptyTile(extension));
  }
  for (const extension of Object.keys(polled)) {
    if (!byExtension.has(extension)) byExtension.set(extension, emptyTile(extension));
  }
  return [...byExtension.values()].map((tile) => mergePolled(tile, polled[tile.extension])).sort((a, b) => numericOrder(a.extension, b.extension));
}

/**
 * The latest status event of every extension: one index probe per distinct extension (a recursive CTE walks
 * `extension_events_ext_time_idx` instead of scanning the table), so the cost grows with extensions, not events.
 * Ties on the event time go to the later row (a hangup sent with the call's start time still ends the call).
 */
function listLatestExtensionEvents(db: Db): LatestExtensionEvent[] {
  const rows = db.all<{
    extension: string;
    uuid: string;
    status: ExtensionStatus;
    direction: Direction | null;
    caller: string | null;
    callee: string | null;
    event_at_ms: number;
    received_at_ms: number;
    ring_at_ms: number | null;
  }>(sql`
    with recursive ext(x) as (
      select (select min(extension) from extension_events)
      union all
      select (select min(extension) from extension_events where extension > ext.x) from ext where ext.x is not null
    )
    select e.extension, e.uuid, e.status, e.direction, e.caller, e.callee, e.event_at_ms, e.received_at_ms,
      (select r.event_at_ms from extension_events r where r.uuid = e.uuid and r.status = 'ring' and r.extension = e.extension) as ring_at_ms
    from ext
    join extension_events e on e.id = (
      select id from extension_events where extension = ext.x order by event_at_ms desc, id desc limit 1
    )
    where ext.x is not null
  `);
  return rows.map((r) => ({
    extension: r.extension,
    uuid: r.uuid,
    status: r.status,
    direction: r.direction,
    caller: r.caller,
    callee: r.callee,
    eventAtMs: r.event_at_ms,
    receivedAtMs: r.received_at_ms,
    ringAtMs: r.ring_at_ms,
  }));
}

/** Extensions that made or took a call since `sinceMs`: distinct extensions by index skip, then one probe each. */
function listRecentCallExtensions(db: Db, sinceMs: number): string[] {
  const rows = db.all<{ x: string }>(sql`
    with recursive ext(x) as (
      select (select min(extension) from calls)
      union all
      select (select min(extension) from calls where extension > ext.x) from ext where ext.x is not null
    )
    select x from ext
    where x is not null and exists (select 1 from calls where extension = ext.x and started_at_ms >= ${sinceMs})
  `);
  return rows.map((r) => r.x);
}

/**
 * A status event as a tile. The vendor documents `starttime` only as "call start time"; if an answer or hangup
 * carries the same instant as the ring of its call, it is the call's start, not the event's, so the time we received
 * it is the better "since".
 */
export function toExtensionTile(event: LatestExtensionEvent, nowMs: number): ExtensionTile {
  const sinceMs = event.status !== "ring" && event.ringAtMs === event.eventAtMs ? Math.min(event.receivedAtMs, nowMs) : event.eventAtMs;
  const state: LiveState = event.status === "hangup" ? "idle" : event.status === "ring" ? "ringing" : "talking";
  const stale = state !== "idle" && nowMs - sinceMs > STALE_AFTER_MS;
  return {
    extension: event.extension,
    state: stale ? "unknown" : state,
    sinceMs,
    direction: event.direction,
    otherNumber: otherParty(event),
    source: "event",
    registered: null,
    detail: stale ? "No hangup received" : null,
    callUuid: state === "idle" ? null : event.uuid,
  };
}

/**
 * Reconciles a tile with a poll of the vendor: the poll wins when it is at least as recent as the callback state
 * (a missed hangup leaves no extension stuck), a callback that arrived after the poll wins over it.
 * Same state on both sides keeps the callback's (more precise) since and number.
 */
export function mergePolled(tile: ExtensionTile, polled: PolledExtension | undefined): ExtensionTile {
  if (!polled) return tile;
  const registered = polled.registered;
  if (tile.source === "event" && tile.state !== "unknown" && tile.sinceMs != null && tile.sinceMs > polled.atMs) {
    return { ...tile, registered };
  }
  const state: LiveState = registered ? polled.state : "offline";
  if (state === tile.state) return { ...tile, registered, detail: polled.detail ?? tile.detail, source: "poll" };
  return {
    extension: tile.extension,
    state,
    sinceMs: polled.sinceMs ?? polled.atMs,
    direction: state === "ringing" || state === "talking" ? (polled.direction ?? null) : null,
    otherNumber: state === "ringing" || state === "talking" ? (polled.otherNumber ?? null) : null,
    source: "poll",
    registered,
    detail: polled.detail ?? null,
    callUuid: null,
  };
}

/** Calls, answered (billsec > 0) and talk time of calls that started in [fromMs, toMs): one range of calls_started_idx. */
function getDayCounters(db: Db, fromMs: number, toMs: number): LiveCounters {
  // The analytics summary: rollups for the whole hours, calls for the hour under way (summing today's rows of calls
  // each second per open wallboard cost ~100 ms at 200,000 calls a day).
  const day = getCallSummary(db, { ...callFilterSchema.parse({}), from: fromMs, to: toMs });
  return {
    calls: day.calls,
    answered: day.answered,
    answerRatePct: day.answerRate === null ? null : Math.round(day.answerRate * 1000) / 10,
    talkSec: day.talkSec,
  };
}

/** The most recent calls by start time (bills arrive when a call ends), with hangup causes labelled as configured. */
function listLatestCalls(db: Db, limit = LATEST_CALLS_LIMIT): LatestCall[] {
  const labels = getHangupLabels(db);
  return db
    .select({
      id: calls.id,
      startedAtMs: calls.startedAtMs,
      direction: calls.direction,
      extension: calls.extension,
      displayNumber: calls.displayNumber,
      destNumber: calls.destNumber,
      billSec: calls.billSec,
      answered: calls.answered,
      hangupCause: calls.hangupCause,
    })
    .from(calls)
    .orderBy(desc(calls.startedAtMs), desc(calls.id))
    .limit(limit)
    .all()
    .map((r) => ({
      id: r.id,
      startedAtMs: r.startedAtMs,
      direction: r.direction,
      extension: r.extension,
      otherNumber: r.direction === "inbound" ? r.displayNumber : r.destNumber,
      billSec: r.billSec,
      answered: r.answered === 1,
      hangupCause: labelHangup(labels, r.hangupCause),
    }));
}

/** Outbound: the callee; inbound: the caller; without a direction, whichever side is not the extension itself. */
function otherParty(e: Pick<LatestExtensionEvent, "extension" | "direction" | "caller" | "callee">): string | null {
  if (e.direction === "outbound") return e.callee;
  if (e.direction === "inbound") return e.caller;
  return e.caller === e.extension ? e.callee : e.caller;
}

function emptyTile(extension: string): ExtensionTile {
  return { extension, state: "idle", sinceMs: null, direction: null, otherNumber: null, source: "none", registered: null, detail: null, callUuid: null };
}

/** Midnight after `dayStartMs` in `timeZone` (days are 23 to 25 hours long). */
function nextDayStartMs(dayStartMs: number, timeZone: string): number {
  return startOfZonedDay(dayStartMs + 26 * 60 * 60 * 1000, timeZone);
}

const numericOrder = new Intl.Collator("en", { numeric: true }).compare;

/** The stored poll as the live board takes it; an answer older than `maxAgeMs` is ignored (the poller stopped). */
function getPolledExtensions(db: Db, maxAgeMs: number, nowMs = Date.now()): PolledExtensions {
  const rows = db
    .select()
    .from(extensionPolls)
    .where(gte(extensionPolls.polledAtMs, nowMs - maxAgeMs))
    .all();
  return Object.fromEntries(
    rows.map((r): [string, PolledExtension] => [
      r.extension,
      {
        state: r.state,
        atMs: r.polledAtMs,
        registered: r.registered,
        sinceMs: r.sinceMs,
        direction: r.direction,
        otherNumber: r.otherNumber,
        detail: r.detail,
      },
    ]),
  );
}

/** The live board's view of the vendor poll: answers up to three poll intervals old (none when polling is off). */
export function currentPolls(db: Db, env: Pick<Env, "EXTENSION_POLL_SECONDS">): PolledExtensions {
  return env.EXTENSION_POLL_SECONDS > 0 ? getPolledExtensions(db, Math.max(10_000, env.EXTENSION_POLL_SECONDS * 3000)) : {};
}
