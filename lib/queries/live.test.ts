import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, writeTransaction } from "@/db/client";
import { extensionEvents } from "@/db/schema";
import { upsertCall } from "@/lib/ingest/upsert-call";
import { putHangupLabelOverrides } from "@/lib/settings/hangup-labels";
import { normalizeBillCallback } from "@/lib/telephony";
import { makeCall, makeTempDb } from "@/lib/testing/temp-db";
import type { ExtensionEvent } from "@/lib/calls";
import { getLiveBoard, listExtensionTiles, mergePolled, STALE_AFTER_MS, toExtensionTile, type ExtensionTile } from "./live";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = makeTempDb()));
afterEach(() => cleanup());

const TZ = "Asia/Shanghai";
// 2026-11-28 10:00:00 in Shanghai.
const NOW = Date.UTC(2026, 10, 28, 2, 0, 0);
const MIN = 60_000;

function addEvent(over: Partial<ExtensionEvent> & Pick<ExtensionEvent, "uuid" | "status" | "extension">, receivedAtMs?: number) {
  const event: ExtensionEvent = {
    buuid: null,
    caller: over.extension,
    callee: "13800001111",
    displayNumber: "02566823420",
    direction: "outbound",
    method: 2,
    eventAtMs: NOW - MIN,
    companyCode: "2028",
    isBLeg: true,
    ...over,
  };
  db.insert(extensionEvents)
    .values({ ...event, receivedAtMs: receivedAtMs ?? event.eventAtMs })
    .run();
}

const addCall = (over: Parameters<typeof makeCall>[0]) => writeTransaction(db, () => upsertCall(db, makeCall(over), { payload: {} }));
const tile = (tiles: ExtensionTile[], ext: string) => tiles.find((t) => t.extension === ext);

describe("listExtensionTiles", () => {
  it("follows ring → answer → hangup, with time in state and the other party", () => {
    addEvent({ uuid: "c1", status: "ring", extension: "8001", eventAtMs: NOW - 3 * MIN });
    expect(tile(listExtensionTiles(db, { nowMs: NOW }), "8001")).toMatchObject({
      state: "ringing",
      sinceMs: NOW - 3 * MIN,
      otherNumber: "13800001111",
      direction: "outbound",
      callUuid: "c1",
    });
    addEvent({ uuid: "c1", status: "answer", extension: "8001", eventAtMs: NOW - 2 * MIN });
    expect(tile(listExtensionTiles(db, { nowMs: NOW }), "8001")).toMatchObject({ state: "talking", sinceMs: NOW - 2 * MIN });
    addEvent({ uuid: "c1", status: "hangup", extension: "8001", eventAtMs: NOW - MIN });
    expect(tile(listExtensionTiles(db, { nowMs: NOW }), "8001")).toMatchObject({ state: "idle", sinceMs: NOW - MIN, callUuid: null });
  });

  it("shows the caller of an inbound call as the other party", () => {
    addEvent({ uuid: "in", status: "ring", extension: "8002", direction: "inbound", caller: "13912345678", callee: "8002" });
    expect(tile(listExtensionTiles(db, { nowMs: NOW }), "8002")?.otherNumber).toBe("13912345678");
  });

  it("lists extensions known only from calls as idle, and leaves out the predictive placeholder 000000", () => {
    addCall({ vendorId: 1, extension: "8100", startedAtMs: NOW - 2 * 24 * 60 * MIN });
    // A predictive bill names no agent as extension "000000"; the telephony edge reads that as no extension.
    const predictive = normalizeBillCallback(JSON.parse(readFileSync("lib/telephony/fixtures/predictive-bill-callback.json", "utf8")), "Asia/Shanghai");
    writeTransaction(db, () => upsertCall(db, { ...predictive, startedAtMs: NOW - 60 * MIN }, { payload: {} }));
    addCall({ vendorId: 3, extension: "8200", startedAtMs: NOW - 90 * 24 * 60 * MIN });
    const tiles = listExtensionTiles(db, { nowMs: NOW });
    expect(tile(tiles, "8100")).toMatchObject({ state: "idle", sinceMs: null, source: "none" });
    expect(tile(tiles, "000000")).toBeUndefined();
    // No call for 90 days: no longer on the board.
    expect(tile(tiles, "8200")).toBeUndefined();
  });

  it("orders extensions numerically", () => {
    for (const ext of ["8010", "801", "8002"]) addEvent({ uuid: `u-${ext}`, status: "hangup", extension: ext });
    expect(listExtensionTiles(db, { nowMs: NOW }).map((t) => t.extension)).toEqual(["801", "8002", "8010"]);
  });

  it("shows a ring without a hangup for over two hours as unknown, not stuck", () => {
    addEvent({ uuid: "old", status: "answer", extension: "8003", eventAtMs: NOW - STALE_AFTER_MS - MIN });
    expect(tile(listExtensionTiles(db, { nowMs: NOW }), "8003")).toMatchObject({ state: "unknown", detail: "No hangup received" });
  });

  it("ends the call when the hangup carries the same time as the ring (call start), and times it from receipt", () => {
    addEvent({ uuid: "same", status: "ring", extension: "8004", eventAtMs: NOW - 5 * MIN });
    addEvent({ uuid: "same", status: "answer", extension: "8004", eventAtMs: NOW - 5 * MIN }, NOW - 4 * MIN);
    expect(tile(listExtensionTiles(db, { nowMs: NOW }), "8004")).toMatchObject({ state: "talking", sinceMs: NOW - 4 * MIN });
    addEvent({ uuid: "same", status: "hangup", extension: "8004", eventAtMs: NOW - 5 * MIN }, NOW - MIN);
    expect(tile(listExtensionTiles(db, { nowMs: NOW }), "8004")).toMatchObject({ state: "idle", sinceMs: NOW - MIN });
  });

  it("lets a newer poll override a stuck callback state", () => {
    addEvent({ uuid: "lost", status: "answer", extension: "8005", eventAtMs: NOW - 10 * MIN });
    const polled = { "8005": { state: "idle" as const, atMs: NOW - 5_000, registered: true } };
    expect(tile(listExtensionTiles(db, { nowMs: NOW, polled }), "8005")).toMatchObject({
      state: "idle",
      source: "poll",
      sinceMs: NOW - 5_000,
      otherNumber: null,
    });
  });
});

describe("mergePolled", () => {
  const talking = toExtensionTile(
    {
      extension: "8001",
      uuid: "c",
      status: "answer",
      direction: "outbound",
      caller: "8001",
      callee: "139",
      eventAtMs: NOW - MIN,
      receivedAtMs: NOW - MIN,
      ringAtMs: NOW - 2 * MIN,
    },
    NOW,
  );

  it("keeps a callback that is newer than the poll", () => {
    expect(mergePolled(talking, { state: "idle", atMs: NOW - 2 * MIN, registered: true })).toMatchObject({
      state: "talking",
      registered: true,
      source: "event",
    });
  });

  it("keeps the callback's since when the poll agrees", () => {
    expect(mergePolled(talking, { state: "talking", atMs: NOW, registered: true, sinceMs: NOW - 50_000 })).toMatchObject({
      state: "talking",
      sinceMs: NOW - MIN,
      otherNumber: "139",
    });
  });

  it("shows an unregistered extension as offline", () => {
    expect(mergePolled(talking, { state: "idle", atMs: NOW, registered: false })).toMatchObject({ state: "offline", registered: false });
  });

  it("adds extensions only the poll knows", () => {
    expect(
      tile(listExtensionTiles(db, { nowMs: NOW, polled: { "8999": { state: "ringing", atMs: NOW, registered: true, otherNumber: "137" } } }), "8999"),
    ).toMatchObject({
      state: "ringing",
      otherNumber: "137",
    });
  });
});

describe("getLiveBoard", () => {
  it("counts today's calls in the display zone: answered means billsec > 0", () => {
    // Shanghai midnight of the 28th is 16:00 UTC on the 27th.
    const dayStart = Date.UTC(2026, 10, 27, 16, 0, 0);
    addCall({ vendorId: 1, startedAtMs: dayStart, billSec: 60 });
    addCall({ vendorId: 2, startedAtMs: dayStart + 3600_000, billSec: 0, answeredAtMs: dayStart + 3601_000 });
    addCall({ vendorId: 3, startedAtMs: NOW - MIN, billSec: 30 });
    addCall({ vendorId: 4, startedAtMs: dayStart - 1, billSec: 500 });
    const board = getLiveBoard(db, { nowMs: NOW, displayTz: TZ });
    expect(board.dayStartMs).toBe(dayStart);
    expect(board.today).toEqual({ calls: 3, answered: 2, answerRatePct: 66.7, talkSec: 90 });
    // In UTC the day starts at 00:00Z on the 28th: only the last call is today.
    expect(getLiveBoard(db, { nowMs: NOW, displayTz: "UTC" }).today.calls).toBe(1);
  });

  it("lists the latest calls newest first with the other party and configured hangup labels", () => {
    putHangupLabelOverrides(db, { "10016": "Nobody picked up" });
    for (let i = 1; i <= 20; i++) addCall({ vendorId: i, startedAtMs: NOW - i * MIN });
    addCall({ vendorId: 99, startedAtMs: NOW, direction: "inbound", displayNumber: "13711112222", billSec: 0, hangupCause: 10016 });
    const board = getLiveBoard(db, { nowMs: NOW, displayTz: TZ });
    expect(board.latestCalls).toHaveLength(15);
    expect(board.latestCalls[0]).toMatchObject({ otherNumber: "13711112222", answered: false, hangupCause: "Nobody picked up (10016)" });
    expect(board.latestCalls[1]?.startedAtMs).toBe(NOW - MIN);
  });

  it("counts extensions per state", () => {
    addEvent({ uuid: "a", status: "ring", extension: "1" });
    addEvent({ uuid: "b", status: "answer", extension: "2" });
    addEvent({ uuid: "c", status: "answer", extension: "3" });
    addCall({ vendorId: 1, extension: "4", startedAtMs: NOW - MIN });
    expect(getLiveBoard(db, { nowMs: NOW, displayTz: TZ }).stateCounts).toEqual({ ringing: 1, talking: 2, idle: 1, unknown: 0, offline: 0 });
  });

  it("probes the index instead of scanning the events", () => {
    const plan = db.$client
      .prepare("explain query plan select id from extension_events where extension = ? order by event_at_ms desc, id desc limit 1")
      .all("8001") as { detail: string }[];
    expect(plan.map((p) => p.detail).join("\n")).toMatch(/USING (COVERING )?INDEX extension_events_ext_time_idx/);
    expect(plan.map((p) => p.detail).join("\n")).not.toMatch(/TEMP B-TREE/);
  });
});
