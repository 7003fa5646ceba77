import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { calls } from "@/db/schema";
import { makeCall, makeTempDb } from "@/lib/testing/temp-db";
import { identityKeys, sourcesOf, upsertCall } from "./upsert-call";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = makeTempDb()));
afterEach(() => cleanup());

const upsert = (record: ReturnType<typeof makeCall>) => db.transaction((tx) => upsertCall(tx, record, { payload: record }));
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
    upsert(makeCall({ vendorId: 5, vendorSystem: "cdrs", source: "cdrs" }));
    expect(allCalls()).toHaveLength(2);
  });

  it("merges a uuid-only call and an id-only call once a record shows they are the same", () => {
    const predictive = upsert(makeCall({ vendorId: null, uuid: "u-9", hangupCause: null }));
    const pulled = upsert(makeCall({ vendorId: 9, uuid: null, source: "getbill", extension: null }));
    expect(allCalls()).toHaveLength(2);
    const both = upsert(makeCall({ vendorId: 9, uuid: "u-9", hangupCause: 10016, billSec: 0 }));
    expect(allCalls()).toHaveLength(1);
    expect(both.callId).toBe(Math.min(predictive.callId, pulled.callId));
    expect(both.merged).toBe(1);
    const [row] = allCalls();
    expect(row).toMatchObject({ vendorId: 9, uuid: "u-9", hangupCause: 10016, billSec: 0, answered: 0, extension: "8001" });
    expect(sourcesOf(row!.sources)).toEqual(["callback", "getbill"]);
    expect(identityKeys(row! as never)).toEqual(["sip:9", "uuid:u-9"]);
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
