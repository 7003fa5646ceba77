import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { processInboxItem, storeRawCallback } from "@/lib/ingest/callbacks";
import { parseEnv } from "@/lib/env";
import { runConfiguredSync, type SyncRequest } from "@/lib/sync/configured";
import { makeTempDb } from "@/lib/testing/temp-db";
import { generateCalls, type SimCall } from "@/simulator/call-universe";
import { toBillCallback, toPredictiveCallback } from "@/simulator/payloads";
import { startPullServer, type FaultKind } from "@/simulator/pull-server";

const DAY = 86_400_000;
const TO = Date.UTC(2026, 10, 20);
const CDRS = { appid: "sim-appid", accesskey: "sim-key", username: "sim" };
const FAST_HTTP = { timeoutMs: 2000, retries: 4, minBackoffMs: 5 };

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function setup(calls: SimCall[], options: Partial<Parameters<typeof startPullServer>[0]> = {}) {
  const vendor = await startPullServer({ port: 0, host: "127.0.0.1", calls, cdrs: CDRS, getbillToken: "sim-token", faultSeed: 7, ...options });
  const temp = makeTempDb();
  cleanups.push(() => vendor.close(), temp.cleanup);
  const env = parseEnv({
    CALLBACK_TOKEN: "test-callback-token",
    GETBILL_URL: vendor.url,
    ...(options.login ? { GETBILL_APPID: options.login.appid, GETBILL_ACCESSKEY: options.login.accesskey } : { GETBILL_TOKEN: "sim-token" }),
    CDRS_URL: `${vendor.url}/api/cdrs`,
    CDRS_APPID: CDRS.appid,
    CDRS_ACCESSKEY: CDRS.accesskey,
    CDRS_USERNAME: CDRS.username,
  });
  const sync = (over: Partial<SyncRequest> = {}) =>
    runConfiguredSync(temp.db, env, { trigger: "test", fromMs: TO - 7 * DAY, toMs: TO, http: FAST_HTTP, windowMs: DAY, ...over });
  return { vendor, db: temp.db, env, sync };
}

const count = (db: Db, sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;

function expectEachCallOnce(db: Db, calls: SimCall[]) {
  expect(count(db, "select count(*) as n from calls")).toBe(calls.length);
  expect(count(db, "select count(distinct vendor_id) as n from calls")).toBe(calls.length);
  expect(count(db, "select count(distinct cdrs_id) as n from calls")).toBe(calls.length);
  // Every call was seen by both pull APIs (bit 2 getbill, bit 4 cdrs) and merged into one row.
  expect(count(db, "select count(*) as n from calls where sources & 6 = 6")).toBe(calls.length);
}

describe("pull sync against the simulator", () => {
  it("stores 20,000 bills plus their double-sided records exactly once, and a second run adds nothing", async () => {
    const calls = generateCalls({ seed: 11, count: 20_000, fromMs: TO - 6 * DAY, toMs: TO - 60_000 });
    const { db, sync } = await setup(calls);

    const first = await sync();
    expect(first.status).toBe("done");
    if (first.status !== "done") return;
    expect(first.results.map((r) => [r.source, r.outcome, r.records])).toEqual([
      ["getbill", "succeeded", 20_000],
      ["cdrs", "succeeded", 20_000],
    ]);
    expectEachCallOnce(db, calls);
    // A double call keeps its A side from /api/cdrs.
    expect(count(db, "select count(*) as n from calls where call_method = 4 and a_started_at_ms is not null")).toBe(
      calls.filter((c) => c.callMethod === 4).length,
    );

    const second = await sync();
    if (second.status !== "done") throw new Error("second run did not run");
    expect(second.results.map((r) => r.recordsNew)).toEqual([0, 0]);
    expectEachCallOnce(db, calls);
  }, 180_000);

  it("logs in again when tokens expire every two calls, and still stores each record exactly once", async () => {
    const calls = generateCalls({ seed: 12, count: 20_000, fromMs: TO - 6 * DAY, toMs: TO - 60_000 });
    const { db, sync, vendor } = await setup(calls, {
      login: { appid: "app-1", accesskey: "key-1", tokenMaxUses: 2, companyname: "Demo Co", companycode: "9513923" },
    });
    const result = await sync({ windowMs: 6 * 3600_000 });
    if (result.status !== "done") throw new Error("lease held");
    expect(result.results.map((r) => [r.source, r.outcome, r.records])).toEqual([
      ["getbill", "succeeded", 20_000],
      ["cdrs", "succeeded", 20_000],
    ]);
    expectEachCallOnce(db, calls);
    // 20 pages of 1,000 at two requests per token: about ten logins, each after a ret 600.
    expect(vendor.stats.requests["App.Sip_Auth.Login"]).toBeGreaterThanOrEqual(10);
    const login = db.$client.prepare("select info from vendor_tokens where name = 'getbill'").get() as { info: string };
    expect(JSON.parse(login.info)).toMatchObject({ companyName: "Demo Co", companyCode: "9513923" });
  }, 180_000);

  it("names a login refused for an expired authorization, and does not retry it", async () => {
    const calls = generateCalls({ seed: 4, count: 50, fromMs: TO - DAY, toMs: TO - 60_000 });
    const { sync, vendor } = await setup(calls, { login: { appid: "app-1", accesskey: "key-1" }, faults: { login: { kind: "ret", ret: 602 } } });
    const result = await sync({ source: "getbill" });
    if (result.status !== "done") throw new Error("lease held");
    expect(result.results[0]).toMatchObject({ outcome: "failed", errorCode: "authorization-expired" });
    expect(result.results[0]!.errorText).toMatch(/renew the authorization/);
    expect(vendor.stats.requests["App.Sip_Auth.Login"]).toBe(1);
  });

  const FAULTS: FaultKind[] = ["gateway", "truncated", "slow", "lost-after-mark"];
  it.each(FAULTS)(
    "converges on exactly the full set with a fifth of replies failing (%s)",
    async (kind) => {
      const calls = generateCalls({ seed: 23, count: 3_000, fromMs: TO - 3 * DAY, toMs: TO - 60_000 });
      const rule = { kind, rate: 0.2, delayMs: 600 };
      const { db, sync, vendor } = await setup(calls, { faults: { getbill: rule, cdrs: rule } });
      // Few retries, so that runs do fail and the next run must pick up what the last one left.
      const outcomes: string[] = [];
      for (let run = 0; run < 12; run++) {
        const result = await sync({ http: { ...FAST_HTTP, timeoutMs: 400, retries: 1 }, windowMs: 6 * 3600_000 });
        if (result.status !== "done") throw new Error("lease held");
        outcomes.push(...result.results.map((r) => r.outcome));
        if (result.results.every((r) => r.outcome === "succeeded")) break;
      }
      expect(vendor.stats.faults).not.toEqual({});
      expect(outcomes).toContain("succeeded");
      expectEachCallOnce(db, calls);
    },
    180_000,
  );

  it("keeps one row per call when callbacks came first", async () => {
    const calls = generateCalls({ seed: 5, count: 400, fromMs: TO - 2 * DAY, toMs: TO - 60_000 });
    const { db, sync } = await setup(calls);
    for (const call of calls) {
      const predictive = call.callbackEdition === "predictive";
      const payload = predictive ? toPredictiveCallback(call) : toBillCallback(call, call.callbackEdition === "2025" ? "2025" : "classic");
      const body = predictive ? new URLSearchParams({ detail: JSON.stringify(payload) }).toString() : JSON.stringify(payload);
      const inboxId = storeRawCallback(db, {
        endpoint: "bill",
        body: Buffer.from(body),
        contentType: predictive ? "application/x-www-form-urlencoded" : "application/json",
        remoteAddr: null,
      });
      expect((await processInboxItem(db, inboxId, "Asia/Shanghai")).ok).toBe(true);
    }
    expect(count(db, "select count(*) as n from calls")).toBe(400);
    await sync();
    expectEachCallOnce(db, calls);
    expect(count(db, "select count(*) as n from calls where sources = 7")).toBe(400);
    // The predictive callbacks (uuid only) met their pulled bills by fingerprint; the match is recorded.
    const predictive = calls.filter((c) => c.callbackEdition === "predictive").length;
    expect(count(db, "select count(*) as n from call_payloads where source = 'getbill' and matched_by = 'fingerprint'")).toBe(predictive);
  }, 60_000);

  it("records a wrong access key as a failed run an operator can act on", async () => {
    const calls = generateCalls({ seed: 3, count: 50, fromMs: TO - DAY, toMs: TO - 60_000 });
    const { db, env, vendor } = await setup(calls);
    const result = await runConfiguredSync(
      db,
      { ...env, CDRS_ACCESSKEY: "wrong" },
      { trigger: "test", fromMs: TO - 2 * DAY, toMs: TO, source: "cdrs", http: FAST_HTTP },
    );
    if (result.status !== "done") throw new Error("lease held");
    expect(result.results[0]).toMatchObject({ source: "cdrs", outcome: "failed", errorCode: "bad-credentials" });
    expect(result.results[0]!.errorText).toMatch(/CDRS_ACCESSKEY/);
    // Not retried: one request only.
    expect(vendor.stats.requests.cdrs).toBe(1);
    const row = db.$client.prepare("select outcome, error_text from sync_runs order by id desc limit 1").get() as { outcome: string; error_text: string };
    expect(row.outcome).toBe("failed");
    expect(row.error_text).toContain("access key");
  });

  it("runs one sync at a time on a database", async () => {
    const calls = generateCalls({ seed: 9, count: 2_000, fromMs: TO - DAY, toMs: TO - 60_000 });
    const { sync } = await setup(calls);
    const [a, b] = await Promise.all([sync(), sync()]);
    expect([a.status, b.status].sort()).toEqual(["busy", "done"]);
  }, 60_000);
});
