import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, writeTransaction } from "@/db/client";
import { upsertCall } from "@/lib/ingest/upsert-call";
import { callFilterSchema } from "@/lib/filters/call-filter";
import { makeCall, makeDbBefore, makeTempDb } from "@/lib/testing/temp-db";
import { count } from "drizzle-orm";
import { calls } from "@/db/schema";
import { listCalls } from "./calls";
import { callWhere } from "./call-where";
import { INDEX_NUMBERS_SQL, NUMBER_INDEX_MAX_MATCHES, numberSearchMode, SCAN_TOTAL_CAP } from "./number-search";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = makeTempDb()));
afterEach(() => cleanup());

describe("listCalls sorted by another column than start", () => {
  it("returns the same page whether it sorts the range or walks the sort's index", () => {
    const base = Date.UTC(2026, 0, 1);
    writeTransaction(db, () => {
      for (let i = 1; i <= 25_000; i++) {
        const call = makeCall({
          vendorId: i,
          // Pairs of calls share a start: ties on the sort column and on the start are broken by id.
          startedAtMs: base + Math.floor(i / 2) * 120_000,
          billSec: (i * 7919) % 1800,
          durationSec: (i * 104_729) % 2000,
          direction: i % 2 ? "outbound" : "inbound",
          extension: i % 17 ? String(8000 + (i % 13)) : null,
          hangupCause: [10001, 10016, 10002, null][i % 4]!,
        });
        upsertCall(db, call, { payload: {} });
      }
    });
    // 10,000 minutes hold 10,000 calls, under the threshold: early ones for ascending orders, late ones for descending.
    const window = (order: "asc" | "desc") => (order === "asc" ? [0, 10_000] : [15_001, 25_001]).map((m) => new Date(base + m * 60_000).toISOString());
    const keys = { billSec: "billsec", durationSec: "duration", extension: "extension", hangupCause: "hangupCause" } as const;
    for (const sort of ["billSec", "durationSec", "extension", "hangupCause"] as const) {
      for (const order of ["asc", "desc"] as const) {
        // 25,000 calls, past the threshold: the page walks the sort's index.
        const walked = listCalls(db, callFilterSchema.parse({ from: new Date(base).toISOString(), sort, order, page: 3 }));
        expect(walked.total).toBe(25_000);
        const values = walked.rows.map((r) => r[keys[sort]]);
        const cmp = (a: unknown, b: unknown) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : String(a).localeCompare(String(b), "en", { numeric: true }));
        expect(values).toEqual([...values].sort((a, b) => (order === "asc" ? cmp(a, b) : cmp(b, a))));
        // The same order over a range under the threshold (sorted by SQLite, not walked) agrees row for row.
        const [from, to] = window(order);
        const range = { from: from!, to: to! };
        const sorted = listCalls(db, callFilterSchema.parse({ ...range, sort, order, pageSize: 500 }));
        expect(sorted.total).toBeLessThan(20_000);
        const all = listCalls(db, callFilterSchema.parse({ from: new Date(base).toISOString(), sort, order, pageSize: 500, page: 1 }));
        const inRange = (r: { startTime: string | null }) =>
          Date.parse(r.startTime!) >= Date.parse(range.from) && Date.parse(r.startTime!) < Date.parse(range.to);
        const walkedInRange = all.rows.filter(inRange);
        expect(sorted.rows.slice(0, walkedInRange.length).map((r) => r.id)).toEqual(walkedInRange.map((r) => r.id));
        expect(walkedInRange.length).toBeGreaterThan(100);
      }
    }
  });
});

describe("listCalls total", () => {
  it("equals a count of the filtered calls whether the rollups or calls answer it", () => {
    const base = Date.UTC(2026, 0, 1, 5, 17);
    writeTransaction(db, () => {
      for (let i = 1; i <= 3_000; i++) {
        const billSec = i % 3 ? (i * 37) % 400 : 0;
        const call = makeCall({
          vendorId: i,
          startedAtMs: base + i * 97_000,
          billSec,
          direction: i % 5 ? "outbound" : "inbound",
          extension: String(8000 + (i % 7)),
          agent: i % 11 ? String(1000 + (i % 4)) : null,
          hangupCause: billSec ? 10001 : [10016, 10006, 10002][i % 3]!,
        });
        upsertCall(db, call, { payload: {} });
      }
    });
    const iso = (ms: number) => new Date(ms).toISOString();
    const ranges = [{}, { from: iso(base + 3_600_000 * 5 + 123_456), to: iso(base + 86_400_000 * 2 + 999) }, { from: iso(base + 86_400_000 * 3) }];
    const filters = [
      {},
      { direction: "inbound", answered: "no" },
      { extension: ["8003", "8005"] },
      { agent: "1002", answered: "yes" },
      { hangupCause: ["10016"] },
      { extension: ["8001"], hangupCause: ["10001"] },
      { q: "0012" },
    ];
    for (const range of ranges) {
      for (const f of filters) {
        const filter = callFilterSchema.parse({ ...range, ...f });
        const counted = db.select({ n: count() }).from(calls).where(callWhere(filter)).get()!.n;
        expect(listCalls(db, filter).total, JSON.stringify({ range, f })).toBe(counted);
      }
    }
  });
});

describe("number search", () => {
  const base = Date.UTC(2026, 2, 1);
  const numbers = ["13812345678", "13912345678", "02566823420", "8613812340000", 'a"b%c_d', "15000000001", null];

  it("finds through the trigram index exactly what a scan of the numbers finds, after updates and deletes too", () => {
    writeTransaction(db, () => {
      for (let i = 1; i <= 400; i++) {
        upsertCall(
          db,
          makeCall({
            vendorId: i,
            startedAtMs: base + i * 60_000,
            destNumber: numbers[i % numbers.length]!,
            displayNumber: numbers[(i * 3) % numbers.length]!,
            aNumber: i % 9 ? null : numbers[(i * 5) % numbers.length]!,
          }),
          { payload: {} },
        );
      }
    });
    // Numbers change under the index: a later bill corrects one, a row goes away (the triggers of migration 0006).
    db.$client.prepare("update calls set dest_number = '17700001234' where vendor_id in (3, 4, 5)").run();
    db.$client.prepare("update calls set a_number = '13812345678' where vendor_id = 6").run();
    db.$client.prepare("delete from calls where vendor_id in (7, 8)").run();
    const terms = ["13812345678", "5678", "1234", "138", "13", "8", "0000", 'a"b', "%c", "_d", "17700001234", "99999"];
    for (const q of terms) {
      const filter = callFilterSchema.parse({
        q,
        pageSize: 500,
        from: new Date(base + 30 * 60_000).toISOString(),
        to: new Date(base + 300 * 60_000).toISOString(),
      });
      const scanned = db
        .select({ id: calls.id })
        .from(calls)
        .where(callWhere(filter, { numberSearch: "scan" }))
        .all()
        .map((r) => r.id)
        .sort((a, b) => a - b);
      const indexed = db
        .select({ id: calls.id })
        .from(calls)
        .where(callWhere(filter, { numberSearch: "index" }))
        .all()
        .map((r) => r.id)
        .sort((a, b) => a - b);
      expect(indexed, q).toEqual(scanned);
      const page = listCalls(db, filter);
      expect(page.total, q).toBe(scanned.length);
      expect(page.totalExact).toBe(true);
      expect(
        page.rows.map((r) => r.id).sort((a, b) => a - b),
        q,
      ).toEqual(scanned);
    }
    expect(listCalls(db, callFilterSchema.parse({ q: "17700001234" })).total).toBe(3);
    expect(listCalls(db, callFilterSchema.parse({ q: "12345678" })).rows.some((r) => [7, 8].includes(Number(r.vendorId)))).toBe(false);
  });

  it("scans the range for a term too common for the index, and reports the total as a lower bound past the cap", () => {
    writeTransaction(db, () => {
      for (let i = 1; i <= NUMBER_INDEX_MAX_MATCHES + 500; i++) upsertCall(db, makeCall({ vendorId: i, startedAtMs: base + i * 10_000 }), { payload: {} });
    });
    expect(numberSearchMode(db, "138")).toBe("scan");
    expect(numberSearchMode(db, "13800000777")).toBe("index");
    const page = listCalls(db, callFilterSchema.parse({ q: "138", pageSize: 100, page: 2 }));
    expect(page.totalExact).toBe(false);
    expect(page.total).toBe(SCAN_TOTAL_CAP);
    expect(page.rows).toHaveLength(100);
    expect(page.rows[0]!.vendorId).toBe(NUMBER_INDEX_MAX_MATCHES + 500 - 100);
    // A short range holds fewer matches than the cap: its total is exact again.
    const short = listCalls(db, callFilterSchema.parse({ q: "138", from: new Date(base).toISOString(), to: new Date(base + 500 * 10_000 + 1).toISOString() }));
    expect(short).toMatchObject({ total: 500, totalExact: true });
  });
});

describe("migration 0006", () => {
  it("indexes the numbers of the calls a database already holds", async () => {
    const { readFileSync } = await import("node:fs");
    const path = await import("node:path");
    expect(readFileSync(path.join(process.cwd(), "db", "migrations", "0006_calls_numbers_fts.sql"), "utf8")).toContain(`${INDEX_NUMBERS_SQL};`);
    const old = makeDbBefore("0006");
    try {
      // Rows as that release wrote them (today's upsert writes columns it did not have yet).
      const insert = old.db.$client.prepare(
        `insert into calls (vendor_system, vendor_id, started_at_ms, bill_sec, answered, dest_number, display_number, sources, first_seen_at_ms, last_seen_at_ms)
         values ('sip', ?, ?, 0, 0, ?, ?, 1, 0, 0)`,
      );
      writeTransaction(old.db, () => {
        for (let i = 1; i <= 50; i++) {
          const c = makeCall({ vendorId: i, startedAtMs: Date.UTC(2026, 0, 1) + i * 60_000 });
          insert.run(i, c.startedAtMs, c.destNumber, c.displayNumber);
        }
      });
      old.upgrade();
      expect(numberSearchMode(old.db, "0000004")).toBe("index");
      const found = listCalls(old.db, callFilterSchema.parse({ q: "0000004" })).rows.map((r) => r.vendorId);
      expect(found.sort((a, b) => Number(a) - Number(b))).toEqual([4, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
    } finally {
      old.cleanup();
    }
  });
});
