import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "@/db/client";
import type { CallRecord } from "@/lib/vendor/call-record";

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

/** A plausible normalized call; override what the test is about. */
export function makeCall(overrides: Partial<CallRecord> = {}): CallRecord {
  const seq = overrides.vendorId ?? 1;
  return {
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
}
