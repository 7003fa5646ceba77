import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDb } from "@/lib/testing/temp-db";
import { ROLLUP_SUMS, ROLLUP_TABLES } from "./rollups";
import * as schema from "./schema";

const temp = makeTempDb();
afterAll(() => temp.cleanup());

describe("the rollup description", () => {
  const drizzleTables = (Object.values(schema) as unknown[]).filter((v) => is(v, SQLiteTable)) as SQLiteTable[];
  const byName = new Map(drizzleTables.map((t) => [getTableConfig(t).name, getTableConfig(t)]));

  it.each(ROLLUP_TABLES.map((t) => [t.name, t] as const))("agrees with the Drizzle table and the migrated database: %s", (name, spec) => {
    const expected = [spec.timeColumn, ...spec.dims, ...ROLLUP_SUMS];
    expect(byName.get(name)?.columns.map((c) => c.name)).toEqual(expected);
    const columns = temp.db.$client.prepare(`select name from pragma_table_info(?) order by cid`).all(name) as { name: string }[];
    expect(columns.map((c) => c.name).sort()).toEqual([...expected].sort());
    const key = temp.db.$client.prepare(`select name from pragma_index_info(?) order by seqno`).all(`${name}_key_idx`) as { name: string }[];
    expect(key.map((c) => c.name)).toEqual([spec.timeColumn, ...spec.dims]);
  });

  it("describes every rollup table the database has", () => {
    const tables = temp.db.$client
      .prepare(`select name from sqlite_master where type = 'table' and (name like 'calls_hourly%' or name like 'calls_daily%') order by name`)
      .all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(ROLLUP_TABLES.map((t) => t.name).sort());
  });
});
