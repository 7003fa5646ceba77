import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { makeTempDb } from "@/lib/testing/temp-db";
import { replayInboxItem, storeRawCallback } from "./callbacks";
import { INBOX_RETRY, retryStuckInbox } from "./inbox-retry";

const TZ = "Asia/Shanghai";
const body = (name: string) => new Uint8Array(readFileSync(path.join("lib/telephony/fixtures", name)));
const count = (db: Db, sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
const row = (db: Db, id: number) =>
  db.$client
    .prepare("select outcome, attempts, error_text as errorText, next_attempt_at_ms as nextAttemptAtMs, call_id as callId from inbox where id = ?")
    .get(id) as {
    outcome: string;
    attempts: number;
    errorText: string | null;
    nextAttemptAtMs: number | null;
    callId: number | null;
  };

let temp: ReturnType<typeof makeTempDb>;
beforeEach(() => {
  temp = makeTempDb();
});
afterEach(() => temp.cleanup());

/** What a process killed between the two steps leaves on disk: the body committed, never parsed. */
function storedNotProcessed(db: Db, ageMs: number, fixture = "bill-callback.json", endpoint: "bill" | "extension-status" = "bill") {
  return storeRawCallback(db, { endpoint, body: body(fixture), contentType: "application/json", remoteAddr: "127.0.0.1", receivedAtMs: Date.now() - ageMs });
}

describe("the background retry of inbox rows left received", () => {
  it("processes a body whose process died after storing it, and leaves a fresh one to its own request", async () => {
    const { db } = temp;
    const old = storedNotProcessed(db, INBOX_RETRY.graceMs + 1_000);
    const inFlight = storedNotProcessed(db, 1_000, "bill-callback-2025-sample.json");

    const summary = await retryStuckInbox(db, TZ);

    expect(summary).toMatchObject({ taken: 1, stored: 1, failed: 0 });
    expect(row(db, old)).toMatchObject({ outcome: "stored", attempts: 2 });
    expect(row(db, old).callId).not.toBeNull();
    expect(row(db, inFlight)).toMatchObject({ outcome: "received", attempts: 1 });
    expect(count(db, "select count(*) as n from calls")).toBe(1);
  });

  it("marks a body that is not a call rejected, as the request would have", async () => {
    const { db } = temp;
    const id = storeRawCallback(db, {
      endpoint: "bill",
      body: new TextEncoder().encode('{"hello":1}'),
      contentType: "application/json",
      remoteAddr: null,
      receivedAtMs: 0,
    });
    expect(await retryStuckInbox(db, TZ)).toMatchObject({ taken: 1, rejected: 1 });
    expect(row(db, id).outcome).toBe("rejected");
  });

  it("backs off while our side keeps failing, marks the row failed after the last attempt, and a replay stores it later", async () => {
    const { db } = temp;
    const id = storedNotProcessed(db, INBOX_RETRY.graceMs + 1_000);
    // Our side fails while writing the call (as a full disk or an I/O error would); everything else still works.
    db.$client.exec("CREATE TRIGGER fail_calls BEFORE INSERT ON calls BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END");

    const first = await retryStuckInbox(db, TZ);
    expect(first).toMatchObject({ taken: 1, deferred: 1 });
    const after = row(db, id);
    expect(after).toMatchObject({ outcome: "received", attempts: 2 });
    expect(after.errorText).toContain("simulated write failure");
    expect(after.nextAttemptAtMs).toBeGreaterThan(Date.now());
    // Not due yet: the next sweep leaves it alone.
    expect((await retryStuckInbox(db, TZ)).taken).toBe(0);

    let sweeps = 1;
    for (let nowMs = Date.now(); row(db, id).outcome === "received"; sweeps++) {
      nowMs += INBOX_RETRY.backoffMaxMs + 1;
      await retryStuckInbox(db, TZ, nowMs);
    }
    expect(sweeps).toBe(INBOX_RETRY.maxAttempts - 1);
    expect(row(db, id)).toMatchObject({ outcome: "failed", attempts: INBOX_RETRY.maxAttempts });
    // A failed row is not retried by itself any more.
    expect((await retryStuckInbox(db, TZ, Date.now() + 86_400_000)).taken).toBe(0);

    db.$client.exec("DROP TRIGGER fail_calls");
    expect(await replayInboxItem(db, id, TZ)).toMatchObject({ ok: true });
    expect(row(db, id).outcome).toBe("stored");
    expect(count(db, "select count(*) as n from calls")).toBe(1);
  });
});
