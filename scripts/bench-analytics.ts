// npx tsx --conditions=react-server scripts/bench-analytics.ts [calls=1000000] [days=30] [keep.db] – times each /analytics
// query on a database of synthetic calls spread over the last `days` days ending now; prints p50/p95 of 20 runs for the
// last 7 and 30 days (through the hourly rollups where the filter allows, as the app does). Without keep.db the database is a temp file; with it, an existing file is reused (no refill).
// (--conditions=react-server makes `server-only` an empty module outside Next.)
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, writeTransaction } from "@/db/client";
import { callFilterSchema } from "@/lib/filters/call-filter";
import { rebuildRollupsSql } from "@/lib/ingest/rollup";
import { INDEX_NUMBERS_SQL } from "@/lib/queries/number-search";
import { presetRange } from "@/lib/filters/time-range";
import {
  getAnalytics,
  getCallSummary,
  getHangupCauseBreakdown,
  getHangupDirectionBreakdown,
  getTalkTimeHistogram,
  listAgentStats,
  listExtensionStats,
  listHourlyCounts,
  previousPeriod,
  resolveAnalyticsFilter,
  toBusyHours,
  toCallSeries,
  type RangedFilter,
} from "@/lib/queries/analytics";

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const DAYS = Number(process.argv[3] ?? 30);
const TZ = "Asia/Shanghai";
const RUNS = 20;

const KEEP = process.argv[4];
const dir = KEEP ? null : mkdtempSync(path.join(tmpdir(), "bench-analytics-"));
const file = KEEP ?? path.join(dir!, "calls.db");
const reuse = KEEP !== undefined && existsSync(KEEP);
const db = openDatabase(file);
db.$client.pragma("synchronous = NORMAL"); // the fill only; reads do not care
db.$client.pragma("cache_size = -1000000"); // the fill only: 1 GB keeps the index pages of a 10M fill in memory
const meta = reuse ? (db.$client.prepare("select max(started_at_ms) as maxMs from calls").get() as { maxMs: number }) : null;
const nowMs = meta ? meta.maxMs + 1 : Date.now();
const log = (line: string) => process.stderr.write(`${line}\n`);

// Deterministic pseudo-random data: a day curve, 200 extensions and agents, the common hangup causes.
// mulberry32: a float LCG (seed * 1103515245 past 2^53) repeated itself within a week of numbers and start times.
let seed = 42;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};
const CAUSES = [10001, 10001, 10001, 10001, 10016, 10016, 10006, 10002, 10003, 10015, 10009];
const insert = db.$client.prepare(
  `insert into calls (vendor_system, vendor_id, direction, call_method, started_at_ms, answered_at_ms, ended_at_ms, duration_sec,
     bill_sec, answered, extension, agent, display_number, dest_number, hangup_cause, hangup_direction, hangup_side, sources, first_seen_at_ms, last_seen_at_ms)
   values ('sip', ?, ?, 3, ?, ?, ?, ?, ?, ?, ?, ?, '02566823420', ?, ?, ?, ?, 1, ?, ?)`,
);
const fillStarted = performance.now();
const spanMs = DAYS * 86_400_000;
// Calls reach the table roughly in time order (callbacks arrive as calls end), so rowids follow started_at_ms:
// generate the starts first (busier by day: a night start is re-drawn 70% of the time), then insert them sorted.
const starts = new Float64Array(reuse ? 0 : TOTAL);
for (let i = 0; i < starts.length; i++) {
  let start = nowMs - rnd() * spanMs;
  if (new Date(start + 8 * 3_600_000).getUTCHours() < 8 && rnd() < 0.7) start = nowMs - rnd() * spanMs;
  starts[i] = Math.floor(start);
}
starts.sort();
// A bulk load writes rows first and builds the secondary indexes after (one sort each) and the number index in one
// pass, as the migrations do: the same indexes, minutes sooner at 10M than updating them row by row.
const indexSql = reuse ? [] : dropIndexesAndTriggers();
for (let done = reuse ? TOTAL : 0; done < TOTAL;) {
  writeTransaction(db, () => {
    for (let i = 0; i < 10_000 && done < TOTAL; i++, done++) {
      const start = starts[done]!;
      const answered = rnd() < 0.62;
      const ring = Math.floor(rnd() * 25);
      const bill = answered ? 1 + Math.floor(rnd() ** 2 * 900) : 0;
      const duration = ring + bill;
      const ext = String(8000 + Math.floor(rnd() * 200));
      insert.run(
        done + 1,
        rnd() < 0.5 ? "outbound" : "inbound",
        start,
        answered ? start + ring * 1000 : null,
        start + duration * 1000,
        duration,
        bill,
        answered ? 1 : 0,
        ext,
        String(1000 + Math.floor(rnd() * 200)),
        `138${String(Math.floor(rnd() * 1e8)).padStart(8, "0")}`,
        answered ? 10001 : CAUSES[Math.floor(rnd() * CAUSES.length)]!,
        ...(rnd() < 0.5 ? ["10040", "caller"] : ["10041", "callee"]),
        start,
        start,
      );
    }
  });
}
if (indexSql.length) {
  const indexStarted = performance.now();
  db.$client.exec(INDEX_NUMBERS_SQL);
  for (const stmt of indexSql) db.$client.exec(stmt);
  log(`number index and ${indexSql.length} indexes and triggers built in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);
}
// Bulk rows bypass upsertCall, so the hourly rollups are filled the way migration 0003 back-fills them.
if (!reuse) {
  const rollupStarted = performance.now();
  writeTransaction(db, () => {
    for (const stmt of rebuildRollupsSql()) db.$client.exec(stmt);
  });
  log(`rollups back-filled in ${((performance.now() - rollupStarted) / 1000).toFixed(1)} s`);
}
// The app never runs ANALYZE; without statistics the planner keeps to calls_started_idx, as in production.
db.$client.exec("drop table if exists sqlite_stat1");
log(`${reuse ? "reused" : "filled"} ${TOTAL.toLocaleString("en")} calls over ${DAYS} days in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s\n`);

function dropIndexesAndTriggers(): string[] {
  const rows = db.$client
    .prepare("select type, name, sql from sqlite_master where type in ('index', 'trigger') and tbl_name = 'calls' and sql is not null")
    .all() as { type: string; name: string; sql: string }[];
  for (const r of rows) db.$client.exec(`drop ${r.type} "${r.name}"`);
  return rows.map((r) => r.sql);
}

function time(fn: () => unknown): { p50: number; p95: number } {
  fn(); // warm the page cache
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(RUNS * 0.5)]!, p95: ms[Math.ceil(RUNS * 0.95) - 1]! };
}

const base = callFilterSchema.parse({});
const ranges: [string, RangedFilter][] = (["7d", "30d"] as const).map((p) => [p, { ...base, ...presetRange(p, TZ, nowMs) }]);
const rows: Record<string, string>[] = [];
for (const [name, filter] of ranges) {
  const n = getCallSummary(db, filter).calls;
  const { range } = resolveAnalyticsFilter(filter, TZ, nowMs);
  const cases: [string, () => unknown][] = [
    ["summary (tiles)", () => getCallSummary(db, filter)],
    ["summary, previous period", () => getCallSummary(db, previousPeriod(filter))],
    ["hangup causes", () => getHangupCauseBreakdown(db, filter)],
    ["hangup directions", () => getHangupDirectionBreakdown(db, filter)],
    ["talk-time histogram", () => getTalkTimeHistogram(db, filter)],
    [
      "hourly → series + heatmap",
      () => {
        const hourly = listHourlyCounts(db, filter, TZ);
        return [toCallSeries(hourly, filter, TZ), toBusyHours(hourly, filter)];
      },
    ],
    ["per extension", () => listExtensionStats(db, filter)],
    ["per agent", () => listAgentStats(db, filter)],
    ["extension 8042 only: summary", () => getCallSummary(db, { ...filter, extension: ["8042"] })],
    ["whole page (GET /api/analytics)", () => getAnalytics(db, filter, range, TZ)],
  ];
  for (const [label, fn] of cases) {
    const t = time(fn);
    log(`${name} ${label}: p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`);
    rows.push({ range: `${name} (${n.toLocaleString("en")} calls)`, query: label, "p50 ms": t.p50.toFixed(1), "p95 ms": t.p95.toFixed(1) });
  }
}
console.table(rows);
db.$client.close();
if (dir) rmSync(dir, { recursive: true, force: true });
