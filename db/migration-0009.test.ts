import { describe, expect, it } from "vitest";
import { makeDbBefore } from "@/lib/testing/temp-db";
import { ROLLUP_SUMS, ROLLUP_TABLES } from "./rollups";
import { rebuildRollupsSql } from "@/lib/ingest/rollup";

describe("migration 0009 (hangup sides, placeholder extensions)", () => {
  it("reads who hung up from the stored vendor values, clears placeholder extensions and rebuilds the rollups", () => {
    const before = makeDbBefore("0009");
    try {
      const client = before.db.$client;
      const insert = client.prepare(
        `insert into calls (vendor_system, vendor_id, started_at_ms, bill_sec, answered, extension, hangup_direction, sources, first_seen_at_ms, last_seen_at_ms)
         values ('sip', ?, ?, ?, ?, ?, ?, 1, 0, 0)`,
      );
      const rows: [string | null, string | null][] = [
        ["10040", "8001"],
        ["caller", "8001"],
        ["10041", "000000"],
        ["callee", ""],
        ["10015", "8002"],
        ["10099", "8002"],
        [null, "0"],
        ["", "8003"],
      ];
      rows.forEach(([direction, extension], i) => insert.run(i + 1, Date.UTC(2026, 10, 1, i), i % 2 ? 30 : 0, i % 2, extension, direction));
      // The rollups as that release kept them (keyed by hangup_direction), so the migration has rows to replace.
      client.exec(`insert into calls_hourly_core (hour_ms, hangup_cause, hangup_direction, direction, call_method, answered, billsec_bucket, calls)
        select started_at_ms / 3600000 * 3600000, -1, coalesce(hangup_direction, ''), '', -1, answered, 0, count(*) from calls group by 1, 3, 6`);

      before.upgrade();

      const stored = client.prepare("select hangup_direction as raw, hangup_side as side, extension from calls order by vendor_id").all();
      expect(stored).toEqual([
        { raw: "10040", side: "caller", extension: "8001" },
        { raw: "caller", side: "caller", extension: "8001" },
        { raw: "10041", side: "callee", extension: null },
        { raw: "callee", side: "callee", extension: null },
        { raw: "10015", side: "system", extension: "8002" },
        { raw: "10099", side: "other", extension: "8002" },
        { raw: null, side: null, extension: null },
        { raw: "", side: null, extension: "8003" },
      ]);
      for (const t of ROLLUP_TABLES) {
        const cols = [t.timeColumn, ...t.dims, ...ROLLUP_SUMS].join(", ");
        const migrated = client.prepare(`select ${cols} from ${t.name} order by ${cols}`).all();
        for (const stmt of rebuildRollupsSql().filter((q) => q.includes(` ${t.name} `) || q.endsWith(` ${t.name}`))) client.exec(stmt);
        expect(client.prepare(`select ${cols} from ${t.name} order by ${cols}`).all(), t.name).toStrictEqual(migrated);
      }
      expect(client.prepare("select count(*) as n from calls_hourly_ext where extension = '000000'").get()).toEqual({ n: 0 });
    } finally {
      before.cleanup();
    }
  });
});
