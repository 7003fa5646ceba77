import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrationsFolder, openDatabase, type Db } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import type { CallRecord } from "@/lib/calls";
import { toHangupSide } from "@/lib/telephony/fields";

/** A real SQLite file with the migrations applied, removed by cleanup(). */
export function makeTempDb(): { db: Db; file: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "calls-test-"));
  const file = path.join(dir, "calls.db");
  const db = openDatabase(file);
  return {
    db,
    file,
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A database as a release before migration `tag` (e.g. "0006") left it, for testing that migration on data already
 * stored; upgrade() applies the remaining migrations as the next start would.
 */
export function makeDbBefore(tag: string): { db: Db; upgrade: () => void; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "calls-upgrade-"));
  const before = path.join(dir, "migrations");
  cpSync(migrationsFolder(), before, { recursive: true });
  const journalFile = path.join(before, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < tag);
  writeFileSync(journalFile, JSON.stringify(journal));
  const db = openDatabase(path.join(dir, "calls.db"), { migrate: false });
  applyMigrations(db.$client, before);
  return {
    db,
    upgrade: () => void applyMigrations(db.$client, migrationsFolder()),
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A plausible normalized call; override what the test is about. */
export function makeCall(overrides: Partial<CallRecord> = {}): CallRecord {
  const seq = overrides.vendorId ?? 1;
  const call: CallRecord = {
    source: "callback",
    vendorSystem: "sip",
    vendorId: 1,
    uuid: null,
    direction: "outbound",
    callMethod: 3,
    startedAtMs: Date.UTC(2026, 10, 27, 2, 0, 0),
    answeredAtMs: Date.UTC(2026, 10, 27, 2, 0, 10),
    endedAtMs: Date.UTC(2026, 10, 27, 2, 1, 40),
    durationSec: 100,
    billSec: 90,
    extension: "8001",
    agent: "1001",
    displayNumber: "02566823420",
    destNumber: `138${String(seq).padStart(8, "0")}`,
    memberId: null,
    customerId: null,
    chengshudu: null,
    userKey: null,
    companyCode: "20000013",
    taskId: null,
    round: null,
    hangupCause: 10001,
    hangupSide: "callee",
    hangupDirection: "10041",
    downloadIp: null,
    recordFilename: null,
    recordUrl: null,
    aNumber: null,
    aStartedAtMs: null,
    aAnsweredAtMs: null,
    aEndedAtMs: null,
    aDurationSec: null,
    aBillSec: null,
    clientIp: null,
    ...overrides,
  };
  // A test that sets the vendor's hangup direction gets the side the telephony edge would read from it.
  return "hangupSide" in overrides ? call : { ...call, hangupSide: toHangupSide(call.hangupDirection) };
}
