import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, writeTransaction } from "@/db/client";
import { callFilterSchema, type CallFilter } from "@/lib/filters/call-filter";
import { ROLLUP_SUMS, ROLLUP_TABLES } from "@/db/rollups";
import { rebuildRollupsSql } from "@/lib/ingest/rollup";
import { upsertCall } from "@/lib/ingest/upsert-call";
import { makeCall, makeDbBefore, makeTempDb } from "@/lib/testing/temp-db";
import type { CallRecord } from "@/lib/calls";
import { getAnalytics, listHourlyCounts, resolveAnalyticsFilter, type RangedFilter } from "./analytics";
import { rollupPlanFor } from "./analytics-rollup";

// A seeded generator: the same dataset every run, so a failure reproduces.
function generator(seed: number) {
  let s = seed;
  const rnd = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { rnd, int, pick };
}

const T0 = Date.UTC(2026, 9, 29); // Thu Oct 29: the window crosses New York's DST end (Nov 1)
const SPAN = 6 * 86_400_000;

function randomRecord(g: ReturnType<typeof generator>, over: Partial<CallRecord>): CallRecord {
  const started = T0 + g.int(SPAN);
  const bill = g.pick([0, 0, 0, 5, 10, 11, 30, 60, 61, 200, 700, 2000]);
  const ring = g.int(30);
  return makeCall({
    startedAtMs: started,
    answeredAtMs: bill > 0 ? (g.rnd() < 0.1 ? started - 1000 : started + ring * 1000 + g.int(1000)) : g.rnd() < 0.5 ? null : started + 1000,
    durationSec: g.rnd() < 0.1 ? null : ring + bill,
    billSec: bill,
    direction: g.pick(["inbound", "outbound", null] as const),
    callMethod: g.pick([1, 3, 4, null]),
    extension: g.pick(["8001", "8002", "8003", null]),
    agent: g.pick(["1001", "1002", null]),
    hangupCause: g.pick([10001, 10006, 10016, null]),
    hangupDirection: g.pick(["10040", "10041", "callee", null]),
    memberId: g.pick(["m1", null]),
    recordFilename: g.pick(["a.wav", null]),
    destNumber: `138${String(g.int(1e8)).padStart(8, "0")}`,
    ...over,
  });
}

let db: Db;
let cleanup: () => void;
let merges = 0;

beforeAll(() => {
  ({ db, cleanup } = makeTempDb());
  const g = generator(7);
  writeTransaction(db, () => {
    const store = (r: CallRecord) => {
      const out = upsertCall(db, r, { payload: r });
      merges += out.merged;
    };
    for (let id = 1; id <= 400; id++) store(randomRecord(g, { vendorId: id }));
    // Updates: a later word on the same call changes talk time, cause, direction, or leaves some fields unknown (null).
    for (let i = 0; i < 300; i++) {
      const id = 1 + g.int(400);
      const r = randomRecord(g, { vendorId: id });
      store(g.rnd() < 0.5 ? { ...r, startedAtMs: T0 + g.int(SPAN), hangupCause: null, extension: null } : r);
    }
    // Merges: a uuid-only record becomes its own call; a record carrying both an id and that uuid joins them.
    for (let i = 0; i < 40; i++) {
      const uuid = `u-${i}`;
      store(randomRecord(g, { vendorSystem: "sip", vendorId: null, uuid, displayNumber: null }));
      store(randomRecord(g, { vendorId: 1 + g.int(400), uuid }));
    }
  });
});
afterAll(() => cleanup());

function tableRows(name: string): unknown[] {
  const t = ROLLUP_TABLES.find((x) => x.name === name)!;
  const cols = [t.timeColumn, ...t.dims, ...ROLLUP_SUMS].join(", ");
  return db.$client.prepare(`select ${cols} from ${name} where calls != 0 order by ${cols}`).all();
}

describe("rollup maintenance", () => {
  it("the dataset includes merges", () => expect(merges).toBeGreaterThan(10));

  it("equals a full recompute from calls after inserts, updates and merges", () => {
    for (const t of ROLLUP_TABLES) {
      // Rows emptied by updates keep zeros and nothing else.
      expect(
        db.$client
          .prepare(`select count(*) as n from ${t.name} where calls = 0 and (${ROLLUP_SUMS.join(" + abs(")}${")".repeat(ROLLUP_SUMS.length - 1)}) != 0`)
          .get(),
      ).toEqual({ n: 0 });
      const live = tableRows(t.name);
      db.$client.exec(`create temp table recomputed as select * from ${t.name} where 0`);
      try {
        for (const stmt of rebuildRollupsSql({ into: (name) => (name === t.name ? "recomputed" : `temp_skip_${name}`) }).filter((q) =>
          q.includes("recomputed"),
        )) {
          db.$client.exec(stmt);
        }
        const cols = [t.timeColumn, ...t.dims, ...ROLLUP_SUMS].join(", ");
        const fresh = db.$client.prepare(`select ${cols} from recomputed order by ${cols}`).all();
        expect(live.length).toBeGreaterThan(t.timeColumn === "day_ms" ? 10 : 100);
        expect(live).toStrictEqual(fresh);
      } finally {
        db.$client.exec("drop table recomputed");
      }
    }
  });
});

describe("analytics from the rollups equal analytics from calls", () => {
  const base = callFilterSchema.parse({});
  const f = (over: Partial<CallFilter> & { from: number; to: number }): RangedFilter => ({ ...base, ...over });
  const H = 3_600_000;
  const ranges: [string, number, number][] = [
    ["whole hours", T0 + 2 * H, T0 + 5 * 24 * H],
    ["partial edges", T0 + 2 * H + 1234, T0 + 5 * 24 * H - 777_777],
    ["shorter than an hour", T0 + 30 * H + 5000, T0 + 30 * H + 1_800_000],
    ["inside two hours", T0 + 30 * H + 5000, T0 + 31 * H + 1_800_000],
    ["everything", T0 - 24 * H, T0 + SPAN + 24 * H],
    ["whole UTC days", T0 + 24 * H, T0 + 4 * 24 * H],
    ["days with partial hours around them", T0 + 7 * H + 999, T0 + 4 * 24 * H + 5 * H + 1],
    ["two days (hour buckets)", T0 + 16 * H, T0 + 64 * H],
  ];
  const filters: [string, Partial<CallFilter>][] = [
    ["no filter", {}],
    ["extension", { extension: ["8001"] }],
    ["extensions + direction", { extension: ["8001", "8003"], direction: "inbound" }],
    ["agent", { agent: "1002" }],
    ["agent + answered", { agent: "1001", answered: "yes" }],
    ["hangup cause", { hangupCause: [10006, 10016] }],
    ["hangup direction + call method", { hangupDirection: ["callee"], callMethod: [3, 4] }],
    ["extension + cause (full table)", { extension: ["8002"], hangupCause: [10001] }],
    ["unanswered", { answered: "no" }],
    ["number search (calls only)", { q: "138" }],
    ["member (calls only)", { memberId: "m1" }],
    ["talk time bounds (calls only)", { billSecMin: 11, billSecMax: 300 }],
    ["recording (calls only)", { hasRecording: "yes" }],
  ];
  const zones = ["Asia/Shanghai", "UTC", "America/New_York", "Asia/Kolkata"];

  for (const [rangeName, from, to] of ranges) {
    for (const [filterName, over] of filters) {
      it(`${rangeName}, ${filterName}`, () => {
        const filter = f({ ...over, from, to });
        for (const tz of zones) {
          const { range } = resolveAnalyticsFilter(filter, tz, to);
          const auto = getAnalytics(db, filter, range, tz, "auto");
          const raw = getAnalytics(db, filter, range, tz, "raw");
          expect(auto).toStrictEqual(raw);
          expect(JSON.stringify(auto)).toBe(JSON.stringify(raw));
          expect(JSON.stringify(listHourlyCounts(db, filter, tz, "auto"))).toBe(JSON.stringify(listHourlyCounts(db, filter, tz, "raw")));
        }
        if (rangeName === "everything") expect(getAnalytics(db, filter, resolveAnalyticsFilter(filter, "UTC").range, "UTC").summary.calls).toBeGreaterThan(0);
      });
    }
  }

  it("reads the narrowest table that covers the filter, and calls for what no rollup can express", () => {
    const r = f({ from: 0, to: H });
    expect(rollupPlanFor(r, null)?.table.name).toBe("calls_hourly_totals");
    expect(rollupPlanFor({ ...r, direction: "inbound", answered: "no" }, null)?.table.name).toBe("calls_hourly_totals");
    expect(rollupPlanFor({ ...r, hangupCause: [10001] }, null)?.table.name).toBe("calls_hourly_core");
    expect(rollupPlanFor(r, null)?.daily?.name).toBe("calls_daily_core");
    expect(rollupPlanFor(r, "agent")?.daily?.name).toBe("calls_daily_agent_totals");
    expect(rollupPlanFor({ ...r, direction: "outbound" }, "agent")?.daily?.name).toBe("calls_daily_agent");
    expect(rollupPlanFor(r, "extension")?.table.name).toBe("calls_hourly_ext_totals");
    expect(rollupPlanFor({ ...r, answered: "yes" }, "extension")?.table.name).toBe("calls_hourly_ext");
    expect(rollupPlanFor({ ...r, agent: "1" }, null)?.table.name).toBe("calls_hourly_agent_totals");
    // An extension or agent with another dimension: calls (its extension, agent and cause indexes), not a rollup.
    expect(rollupPlanFor({ ...r, agent: "1" }, "extension")).toBeNull();
    expect(rollupPlanFor({ ...r, extension: ["1"] }, "hangup_cause")).toBeNull();
    expect(rollupPlanFor({ ...r, q: "1" }, null)).toBeNull();
    expect(rollupPlanFor({ ...r, source: ["cdrs"] }, null)).toBeNull();
  });
});

describe("migrations 0003, 0005 and 0009", () => {
  it("leaves a database that already holds calls with rollups equal to a recompute", () => {
    // A database released before 0003, with calls in it.
    const before = makeDbBefore("0003");
    try {
      const old = before.db;
      const g = generator(11);
      const insert = old.$client.prepare(
        `insert into calls (started_at_ms, answered_at_ms, duration_sec, bill_sec, answered, extension, agent, hangup_cause, hangup_direction,
           direction, call_method, sources, first_seen_at_ms, last_seen_at_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, 0)`,
      );
      for (let i = 0; i < 300; i++) {
        const r = randomRecord(g, { vendorId: i });
        insert.run(
          r.startedAtMs,
          r.answeredAtMs,
          r.durationSec,
          r.billSec,
          r.billSec > 0 ? 1 : 0,
          r.extension,
          r.agent,
          r.hangupCause,
          r.hangupDirection,
          r.direction,
          r.callMethod,
        );
      }
      before.upgrade();
      for (const t of ROLLUP_TABLES) {
        const cols = [t.timeColumn, ...t.dims, ...ROLLUP_SUMS].join(", ");
        const migrated = old.$client.prepare(`select ${cols} from ${t.name} order by ${cols}`).all();
        expect(migrated.length).toBeGreaterThan(10);
        const rebuild = rebuildRollupsSql().filter((q) => q.includes(` ${t.name} `) || q.endsWith(` ${t.name}`));
        expect(rebuild).toHaveLength(2);
        for (const stmt of rebuild) old.$client.exec(stmt);
        expect(old.$client.prepare(`select ${cols} from ${t.name} order by ${cols}`).all()).toStrictEqual(migrated);
      }
      // And the app's analytics over them equal the calls-only answers.
      const f: RangedFilter = { ...callFilterSchema.parse({}), from: T0 + 3_600_000 + 1, to: T0 + SPAN };
      const { range } = resolveAnalyticsFilter(f, "Asia/Shanghai", f.to);
      expect(getAnalytics(old, f, range, "Asia/Shanghai")).toStrictEqual(getAnalytics(old, f, range, "Asia/Shanghai", "raw"));
    } finally {
      before.cleanup();
    }
  });

  it("back-fills the rollups with the same statements as the recompute", async () => {
    const { readFileSync } = await import("node:fs");
    const path = await import("node:path");
    // 0009 (hangup sides) rebuilt every rollup last: its statements are the recompute of today's rollup description.
    const text = readFileSync(path.join(process.cwd(), "db", "migrations", "0009_hangup_side.sql"), "utf8");
    for (const stmt of rebuildRollupsSql().filter((q) => q.startsWith("INSERT"))) expect(text).toContain(`${stmt};`);
  });
});
