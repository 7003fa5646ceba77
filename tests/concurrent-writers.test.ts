// Several processes writing one SQLite file: servers taking callbacks, a sync storing pages, the sync CLI beside them.
// Every writer takes the write lock at BEGIN (writeTransaction), so the busy timeout makes them queue instead of failing.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { formatZonedTime } from "@/lib/time";
import { generateCalls, type SimCall } from "@/simulator/call-universe";
import { startPullServer, type PullServer } from "@/simulator/pull-server";
import { signIn, startAppServer, type AppServer } from "./support/app-server";
import { blastBills, type BlastResult } from "./support/callback-blast";

const HOUR = 3_600_000;
const TZ = "Asia/Shanghai";
const CDRS = { appid: "sim-appid", accesskey: "sim-key", username: "sim" };
// Whole hours well in the past, so that every sync window is settled.
const TO = Math.floor(Date.now() / HOUR) * HOUR - 24 * HOUR;
const FROM = TO - 24 * HOUR;

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

describe("several writers on one SQLite file", () => {
  it("npm run sync stores 20,000 bills while the server answers 3,000 callbacks, all 2xx", async () => {
    const calls = generateCalls({ seed: 21, count: 20_000, fromMs: FROM, toMs: TO - 60_000 });
    const vendor = await vendorFor(calls);
    const app = await startAppServer({ SYNC_INTERVAL_SECONDS: "0", EXTENSION_POLL_SECONDS: "0" });
    cleanups.push(() => app.stop());

    const [sync, blast] = await Promise.all([runSyncCli(app, vendor), blastBills(app.url, calls.slice(0, 3_000), { concurrency: 10 })]);

    expect(sync.output).not.toMatch(/locked/i);
    expect(sync.code, sync.output).toBe(0);
    expectAll2xx(blast, 3_000);
    const db = readOnly(app.databasePath);
    expect(count(db, "select count(*) as n from calls")).toBe(20_000);
    expect(count(db, "select count(*) as n from inbox where outcome != 'stored'")).toBe(0);
  }, 300_000);

  for (const syncBy of ["server", "cli"] as const) {
    it(`two servers take the same 2,000 callbacks at once while a sync (${syncBy === "server" ? "in the first server" : "a third process, npm run sync"}) stores pages`, async () => {
      const calls = generateCalls({ seed: syncBy === "server" ? 22 : 23, count: 2_000, fromMs: FROM, toMs: TO - 60_000 });
      const vendor = await vendorFor(calls);
      const dir = mkdtempSync(path.join(tmpdir(), "calls-shared-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      // The server's "Sync now" reads from its lookback: make it reach the calls, two days back.
      const vendorEnv = syncBy === "server" ? { ...vendorVariables(vendor), SYNC_LOOKBACK_HOURS: "50" } : {};
      // Both start at once on a new file: the migrations run once, the second process waiting for the first.
      const [a, b] = await Promise.all([
        startAppServer({ SYNC_INTERVAL_SECONDS: "0", EXTENSION_POLL_SECONDS: "0", ...vendorEnv }, { dir }),
        startAppServer({ SYNC_INTERVAL_SECONDS: "0", EXTENSION_POLL_SECONDS: "0" }, { dir }),
      ]);
      cleanups.push(
        () => a.stop(),
        () => b.stop(),
      );

      const syncing =
        syncBy === "server"
          ? startServerSync(a).then((status) => ({ code: status === 202 || status === 200 ? 0 : status, output: `POST /api/sync → ${status}` }))
          : runSyncCli(a, vendor);
      const [toA, toB, sync] = await Promise.all([
        blastBills(a.url, calls, { concurrency: 10, encoding: "json" }),
        blastBills(b.url, calls, { concurrency: 10, encoding: "form" }),
        syncing,
      ]);
      expect(sync.code, sync.output).toBe(0);
      expectAll2xx(toA, 2_000);
      expectAll2xx(toB, 2_000);

      const db = readOnly(a.databasePath);
      if (syncBy === "server")
        await waitFor(
          () => count(db, "select count(*) as n from sync_runs where finished_at_ms is null") === 0 && count(db, "select count(*) as n from sync_runs") >= 2,
        );
      expect(count(db, "select count(*) as n from sync_runs where outcome != 'succeeded'")).toBe(0);
      expect(count(db, "select count(*) as n from calls")).toBe(2_000);
      expect(count(db, "select count(*) as n from inbox where endpoint = 'bill'")).toBe(4_000);
      expect(count(db, "select count(*) as n from inbox where outcome = 'received'")).toBe(0);
      expect(a.output() + b.output()).not.toMatch(/database is locked/i);
    }, 300_000);
  }
});

async function vendorFor(calls: SimCall[]): Promise<PullServer> {
  const vendor = await startPullServer({ port: 0, host: "127.0.0.1", calls, cdrs: CDRS, getbillToken: "sim-token" });
  cleanups.push(() => vendor.close());
  return vendor;
}

function vendorVariables(vendor: PullServer): Record<string, string> {
  return {
    GETBILL_URL: vendor.url,
    GETBILL_TOKEN: "sim-token",
    CDRS_URL: `${vendor.url}/api/cdrs`,
    CDRS_APPID: CDRS.appid,
    CDRS_ACCESSKEY: CDRS.accesskey,
    CDRS_USERNAME: CDRS.username,
  };
}

/** `npm run sync` over the whole range, as an operator runs it beside the server. */
function runSyncCli(app: AppServer, vendor: PullServer): Promise<{ code: number | null; output: string }> {
  const args = ["run", "sync", "--", "--from", formatZonedTime(FROM, TZ), "--to", formatZonedTime(TO, TZ), "--source", "all"];
  const child = spawn("npm", args, {
    cwd: process.cwd(),
    env: { ...process.env, ...app.env, ...vendorVariables(vendor), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

/** "Sync now" as an admin presses it; the run goes on in the server after the answer. */
async function startServerSync(app: AppServer): Promise<number> {
  const cookie = await signIn(app.url);
  const res = await fetch(`${app.url}/api/sync`, { method: "POST", headers: { cookie, origin: app.url } });
  await res.arrayBuffer();
  return res.status;
}

function expectAll2xx(result: BlastResult, total: number) {
  const ok = Object.entries(result.byStatus)
    .filter(([s]) => s.startsWith("2"))
    .reduce((sum, [, n]) => sum + n, 0);
  expect({ ok, byStatus: result.byStatus, errors: result.errors }).toEqual({ ok: total, byStatus: { "200": total }, errors: [] });
}

function readOnly(file: string): Database.Database {
  const db = new Database(file, { readonly: true });
  cleanups.push(() => void db.close());
  return db;
}

const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

async function waitFor(check: () => boolean, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 200));
  }
}
