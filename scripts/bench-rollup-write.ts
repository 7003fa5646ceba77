// npx tsx scripts/bench-rollup-write.ts [n=100000] – what the hourly rollups add to a call write: times upsertCall
// inserts and updates, and the rollup maintenance (applyRollupChange) alone, on a temp database. Calls arrive in start
// order over 30 days, as callbacks do (add "random" to spread each write over the whole month: a colder worst case).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, writeTransaction } from "@/db/client";
import { applyRollupChange, type RollupSource } from "@/lib/ingest/rollup";
import { upsertCall } from "@/lib/ingest/upsert-call";
import { makeCall } from "@/lib/testing/temp-db";

const N = Number(process.argv[2] ?? 100_000);
const RANDOM = process.argv[3] === "random";
const dir = mkdtempSync(path.join(tmpdir(), "bench-rollup-write-"));
const db = openDatabase(path.join(dir, "calls.db"));
let seed = 42;
const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const T0 = Date.UTC(2026, 10, 1);
const record = (id: number) => {
  const bill = rnd() < 0.6 ? 1 + Math.floor(rnd() * 600) : 0;
  return makeCall({
    vendorId: id,
    startedAtMs: T0 + Math.floor((RANDOM ? rnd() * N : id) * ((30 * 86_400_000) / N)),
    billSec: bill,
    extension: String(8000 + Math.floor(rnd() * 200)),
    agent: String(1000 + Math.floor(rnd() * 200)),
    hangupCause: bill ? 10001 : 10016,
  });
};

function timed(label: string, fn: () => void): number {
  const t = performance.now();
  writeTransaction(db, fn);
  const us = ((performance.now() - t) * 1000) / N;
  console.log(`${label}: ${us.toFixed(2)} µs per call`);
  return us;
}

const ins = timed("upsertCall insert (with rollups)", () => {
  for (let i = 1; i <= N; i++) upsertCall(db, record(i), { payload: {} });
});
const noop = timed("upsertCall of an unchanged call (rollups untouched)", () => {
  seed = 42;
  for (let i = 1; i <= N; i++) upsertCall(db, record(i), { payload: {} });
});
const upd = timed("upsertCall update (with rollups)", () => {
  for (let i = 1; i <= N; i++) upsertCall(db, record(i), { payload: {} });
});
// The rollup part alone, on the same rows: an insert is one contribution added, an update one moved.
const rows = db.$client
  .prepare(
    "select started_at_ms, answered_at_ms, duration_sec, bill_sec, answered, extension, agent, hangup_cause, hangup_side, direction, call_method from calls",
  )
  .all() as RollupSource[];
const addOnly = timed("applyRollupChange(null → row)", () => {
  for (let i = 0; i < N; i++) applyRollupChange(db.$client, null, rows[i]!);
});
const move = timed("applyRollupChange(row → other row)", () => {
  for (let i = 0; i < N; i++) applyRollupChange(db.$client, rows[i]!, rows[(i + 1) % N]!);
});
void noop;
console.log(`rollup share: insert ${((addOnly / ins) * 100).toFixed(0)} %, update ${((move / upd) * 100).toFixed(0)} %`);
db.$client.close();
rmSync(dir, { recursive: true, force: true });
