// npm run bench – measures ingestion and the dashboard's read queries; prints tables, asserts nothing.
//   1. callbacks stored raw then parsed and upserted (in process, synchronous=FULL as in the server)
//   2. sync pages of 1,000 bills upserted in one transaction each
//   3. /analytics queries at 1M calls (scripts/bench-analytics.ts), then /calls and /live queries on the same file
//   4. every request of the dashboard's pages over HTTP against the production build, on the same file (scripts/bench-http.ts)
// Sizes: BENCH_CALLS (default 1,000,000) spread over BENCH_DAYS (default 30) days; BENCH_DB names a database file to
// keep and reuse on the next run (a 10M fill takes minutes). Runs with --conditions=react-server so `server-only` is an empty module.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { openDatabase, writeTransaction } from "@/db/client";
import { processInboxItem, storeRawCallback } from "@/lib/ingest/callbacks";
import { upsertCall } from "@/lib/ingest/upsert-call";
import { callFilterSchema } from "@/lib/filters/call-filter";
import { presetRange } from "@/lib/filters/time-range";
import { getCallDetail } from "@/lib/queries/call-detail";
import { listCalls } from "@/lib/queries/calls";
import { getFilterOptions } from "@/lib/queries/filter-options";
import { getLiveBoard } from "@/lib/queries/live";
import { normalizeGetBillBill } from "@/lib/telephony/getbill";
import { generateCalls } from "@/simulator/call-universe";
import { toBillCallback, toGetBillBill } from "@/simulator/payloads";

const TZ = "Asia/Shanghai";
const CALLS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const dir = path.join(process.cwd(), ".tmp", "bench");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

await benchCallbacks();
benchSyncPages();
const big = process.env.BENCH_DB ? path.resolve(process.env.BENCH_DB) : path.join(dir, "calls-big.db");
const analytics = spawnSync(process.execPath, [...process.execArgv, "scripts/bench-analytics.ts", String(CALLS), String(DAYS), big], { stdio: "inherit" });
if (analytics.status !== 0) process.exit(analytics.status ?? 1);
benchReads(big);
const http = spawnSync(process.execPath, [...process.execArgv, "scripts/bench-http.ts", big], { stdio: "inherit" });
if (http.status !== 0) process.exit(http.status ?? 1);

async function benchCallbacks() {
  const db = openDatabase(path.join(dir, "ingest.db"));
  const calls = generateCalls({ seed: 1, count: 3000, fromMs: Date.now() - 86_400_000, toMs: Date.now() - 60_000 });
  const bodies = calls.map((c) => Buffer.from(JSON.stringify(toBillCallback(c, "classic"))));
  const t0 = performance.now();
  for (const body of bodies) {
    const id = storeRawCallback(db, { endpoint: "bill", body, contentType: "application/json", remoteAddr: "127.0.0.1" });
    await processInboxItem(db, id, TZ);
  }
  const ms = performance.now() - t0;
  console.log(
    `\ncallbacks (raw + parse + upsert, 2 durable commits each): ${bodies.length} in ${ms.toFixed(0)} ms → ${Math.round((bodies.length / ms) * 1000)}/s (${(ms / bodies.length).toFixed(2)} ms each)`,
  );
  db.$client.close();
}

function benchSyncPages() {
  const db = openDatabase(path.join(dir, "sync.db"));
  const calls = generateCalls({ seed: 2, count: 20_000, fromMs: Date.now() - 7 * 86_400_000, toMs: Date.now() - 60_000 });
  const bills = calls.map((c) => toGetBillBill(c));
  const t0 = performance.now();
  for (let i = 0; i < bills.length; i += 1000) {
    const page = bills.slice(i, i + 1000);
    writeTransaction(db, () => {
      for (const raw of page) upsertCall(db, normalizeGetBillBill(raw, TZ), { payload: raw });
    });
  }
  const ms = performance.now() - t0;
  console.log(`sync pages (normalize + upsert, 1,000 a transaction): ${bills.length} in ${ms.toFixed(0)} ms → ${Math.round((bills.length / ms) * 1000)}/s`);
  db.$client.close();
}

function benchReads(file: string) {
  const db = openDatabase(file);
  const nowMs = (db.$client.prepare("select max(started_at_ms) as m from calls").get() as { m: number }).m + 1;
  const week = presetRange("7d", TZ, nowMs);
  const month = presetRange("30d", TZ, nowMs);
  const today = presetRange("today", TZ, nowMs);
  const iso = (ms: number) => new Date(ms).toISOString();
  const filter = (q: Record<string, unknown>) => callFilterSchema.parse(q);
  const some = db.$client.prepare("select id, dest_number as dest from calls order by started_at_ms desc limit 1 offset 500").get() as {
    id: number;
    dest: string;
  };
  const cases: [string, () => unknown][] = [
    ["/calls all time, page 1 + total", () => listCalls(db, filter({}))],
    ["/calls 7 days, page 1 + total", () => listCalls(db, filter({ from: iso(week.from), to: iso(week.to) }))],
    ["/calls 30 days sorted by talk time", () => listCalls(db, filter({ from: iso(month.from), to: iso(month.to), sort: "billSec" }))],
    [
      "/calls 30 days by talk time, shortest, p. 20",
      () => listCalls(db, filter({ from: iso(month.from), to: iso(month.to), sort: "billSec", order: "asc", page: 20 })),
    ],
    ["/calls 30 days sorted by extension", () => listCalls(db, filter({ from: iso(month.from), to: iso(month.to), sort: "extension", order: "asc" }))],
    ["/calls 30 days sorted by hangup cause", () => listCalls(db, filter({ from: iso(month.from), to: iso(month.to), sort: "hangupCause" }))],
    ["/calls today sorted by extension", () => listCalls(db, filter({ from: iso(today.from), to: iso(today.to), sort: "extension" }))],
    ["/calls 7 days, not answered, inbound", () => listCalls(db, filter({ from: iso(week.from), to: iso(week.to), answered: "no", direction: "inbound" }))],
    ["/calls 30 days, one extension", () => listCalls(db, filter({ from: iso(month.from), to: iso(month.to), extension: "8001" }))],
    ["/calls 7 days, number search (full)", () => listCalls(db, filter({ from: iso(week.from), to: iso(week.to), q: some.dest }))],
    ["/calls 30 days, number search (last 4)", () => listCalls(db, filter({ from: iso(month.from), to: iso(month.to), q: some.dest.slice(-4) }))],
    ["/calls 30 days, number search (3 digits)", () => listCalls(db, filter({ from: iso(month.from), to: iso(month.to), q: some.dest.slice(-3) }))],
    ['/calls 7 days, number search ("1381", 1 in 10)', () => listCalls(db, filter({ from: iso(week.from), to: iso(week.to), q: "1381" }))],
    ["filter options (90 days)", () => getFilterOptions(db, nowMs)],
    ["call detail", () => getCallDetail(db, some.id)],
    ["/live board", () => getLiveBoard(db, { displayTz: TZ, nowMs })],
  ];
  console.log(`\n/calls and /live on ${CALLS.toLocaleString("en-US")} calls (20 runs each)`);
  console.log("query".padEnd(42), "p50 ms".padStart(8), "p95 ms".padStart(8));
  for (const [name, run] of cases) {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      run();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(name.padEnd(42), times[9]!.toFixed(1).padStart(8), times[18]!.toFixed(1).padStart(8));
  }
  db.$client.close();
}
