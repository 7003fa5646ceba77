import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { upsertCall } from "@/lib/ingest/upsert-call";
import { callFilterSchema } from "@/lib/filters/call-filter";
import { makeCall, makeTempDb } from "@/lib/testing/temp-db";
import { listCalls } from "./calls";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = makeTempDb()));
afterEach(() => cleanup());

describe("listCalls sorted by talk time or wait", () => {
  it("returns the same page whether it sorts the range or walks the sort's index", () => {
    const base = Date.UTC(2026, 0, 1);
    db.transaction(() => {
      for (let i = 1; i <= 25_000; i++) {
        const call = makeCall({ vendorId: i, startedAtMs: base + i * 60_000, billSec: (i * 7919) % 1800, durationSec: (i * 104_729) % 2000, direction: i % 2 ? "outbound" : "inbound" });
        upsertCall(db, call, { payload: {} });
      }
    });
    const range = { from: new Date(base + 1000 * 60_000).toISOString(), to: new Date(base + 24_000 * 60_000).toISOString() };
    for (const sort of ["billSec", "durationSec"] as const) {
      for (const order of ["asc", "desc"] as const) {
        // 23,000 calls: past the threshold, the page walks the index.
        const walked = listCalls(db, callFilterSchema.parse({ ...range, sort, order, page: 3 }));
        expect(walked.total).toBe(23_000);
        const key = sort === "billSec" ? "billsec" : "duration";
        const values = walked.rows.map((r) => r[key] as number);
        expect(values).toEqual([...values].sort((a, b) => (order === "asc" ? a - b : b - a)));
        expect(walked.rows.every((r) => Date.parse(r.startTime!) >= Date.parse(range.from) && Date.parse(r.startTime!) < Date.parse(range.to))).toBe(true);
        // 11,500 outbound calls: under the threshold, the page sorts the range; it must agree with the walk's order.
        const sorted = listCalls(db, callFilterSchema.parse({ ...range, sort, order, direction: "outbound", pageSize: 500 }));
        const walkedOutbound = listCalls(db, callFilterSchema.parse({ ...range, sort, order, pageSize: 500 })).rows.filter((r) => r.direction === "outbound");
        expect(sorted.rows.slice(0, walkedOutbound.length).map((r) => r.id)).toEqual(walkedOutbound.map((r) => r.id));
      }
    }
  });
});
