import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, writeTransaction } from "@/db/client";
import { calls } from "@/db/schema";
import { makeCall, makeTempDb } from "@/lib/testing/temp-db";
import { sourcesOf } from "@/lib/calls";
import { identityKeys, upsertCall } from "./upsert-call";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = makeTempDb()));
afterEach(() => cleanup());

const upsert = (record: ReturnType<typeof makeCall>) => writeTransaction(db, () => upsertCall(db, record, { payload: record }));
const allCalls = () => db.select().from(calls).all();
const payloadSources = (callId: number) =>
  (db.$client.prepare("select source from call_payloads where call_id = ? order by source").all(callId) as { source: string }[]).map((r) => r.source);

describe("upsertCall", () => {
  it("keeps one row for the same vendor id, whatever the source", () => {
    const first = upsert(makeCall({ vendorId: 7, uuid: "u-7" }));
    const again = upsert(makeCall({ vendorId: 7, uuid: "u-7" }));
    const pulled = upsert(makeCall({ vendorId: 7, uuid: null, source: "getbill" }));
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ callId: first.callId, created: false });
    expect(pulled.callId).toBe(first.callId);
    const [row] = allCalls();
    expect(allCalls()).toHaveLength(1);
    expect(sourcesOf(row!.sources)).toEqual(["callback", "getbill"]);
    expect(row!.uuid).toBe("u-7");
    expect(payloadSources(first.callId)).toEqual(["callback", "getbill"]);
  });

  it("does not confuse a cdrs id with the same sip id", () => {
    upsert(makeCall({ vendorId: 5 }));
    upsert(makeCall({ vendorId: 5, vendorSystem: "cdrs", source: "cdrs", destNumber: "13900000005" }));
    expect(allCalls()).toHaveLength(2);
  });

  it("merges a uuid-only call and an id-only call once a record shows they are the same", () => {
    const predictive = upsert(makeCall({ vendorId: null, uuid: "u-9", hangupCause: null }));
    // No destination: no fingerprint, so nothing but a shared key can tell these two are one call.
    const pulled = upsert(makeCall({ vendorId: 9, uuid: null, source: "getbill", extension: null, destNumber: null }));
    expect(allCalls()).toHaveLength(2);
    const both = upsert(makeCall({ vendorId: 9, uuid: "u-9", hangupCause: 10016, billSec: 0 }));
    expect(allCalls()).toHaveLength(1);
    expect(both.callId).toBe(Math.min(predictive.callId, pulled.callId));
    expect(both.merged).toBe(1);
    const [row] = allCalls();
    expect(row).toMatchObject({ vendorId: 9, uuid: "u-9", hangupCause: 10016, billSec: 0, answered: 0, extension: "8001", destNumber: "13800000009" });
    expect(sourcesOf(row!.sources)).toEqual(["callback", "getbill"]);
    expect(identityKeys(row! as never)).toEqual(["sip:9", "uuid:u-9"]);
  });

  it("recognises one call across sources that share no id by its fingerprint", () => {
    const call = { vendorId: 21, startedAtMs: Date.UTC(2026, 0, 2, 3, 4, 5), destNumber: "13800000021" };
    const predictive = upsert(makeCall({ ...call, vendorId: null, uuid: "u-21" }));
    const bill = upsert(makeCall({ ...call, source: "getbill" }));
    const cdrs = upsert(makeCall({ ...call, source: "cdrs", vendorSystem: "cdrs", vendorId: 777, hangupCause: null }));
    expect(bill).toMatchObject({ callId: predictive.callId, matchedBy: "fingerprint" });
    expect(cdrs).toMatchObject({ callId: predictive.callId, matchedBy: "fingerprint" });
    expect(allCalls()).toHaveLength(1);
    expect(allCalls()[0]).toMatchObject({ vendorId: 21, cdrsId: 777, uuid: "u-21", hangupCause: 10001 });
    expect(sourcesOf(allCalls()[0]!.sources)).toEqual(["callback", "getbill", "cdrs"]);
  });

  it("never merges on a fingerprint that an id contradicts", () => {
    const at = { startedAtMs: Date.UTC(2026, 0, 2, 3, 4, 5), destNumber: "13811112222" };
    upsert(makeCall({ ...at, vendorId: 31 }));
    upsert(makeCall({ ...at, vendorId: 32 }));
    upsert(makeCall({ ...at, vendorId: null, uuid: "a" }));
    upsert(makeCall({ ...at, vendorId: null, uuid: "b" }));
    // 31 and 32 differ by id; "a" matched 31 by fingerprint; "b" contradicts 31's uuid "a" and matches 32.
    expect(allCalls()).toHaveLength(2);
  });

  it("keeps a hangup direction code over the word /api/cdrs uses", () => {
    const at = { startedAtMs: Date.UTC(2026, 0, 3), destNumber: "13811113333" };
    upsert(makeCall({ ...at, vendorId: 41, hangupDirection: "10041" }));
    upsert(makeCall({ ...at, vendorId: 41, vendorSystem: "cdrs", source: "cdrs", hangupDirection: "callee" }));
    expect(allCalls()[0]).toMatchObject({ hangupDirection: "10041" });
    upsert(makeCall({ ...at, vendorId: 42, vendorSystem: "cdrs", source: "cdrs", destNumber: "13811114444", hangupDirection: "caller" }));
    upsert(makeCall({ ...at, vendorId: 42, destNumber: "13811114444", hangupDirection: "10040" }));
    expect(allCalls().map((c) => c.hangupDirection)).toEqual(["10041", "10040"]);
  });

  it("keeps what a later source does not carry", () => {
    upsert(makeCall({ vendorId: 11, hangupCause: 10001, recordFilename: "a.wav" }));
    upsert(makeCall({ vendorId: 11, source: "getbill", hangupCause: null, recordFilename: null }));
    expect(allCalls()[0]).toMatchObject({ hangupCause: 10001, recordFilename: "a.wav" });
  });

  it("derives answered from talk time only", () => {
    upsert(makeCall({ vendorId: 12, billSec: 0, answeredAtMs: Date.UTC(2026, 0, 1) }));
    expect(allCalls()[0]).toMatchObject({ answered: 0 });
  });
});
