import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
// Relative, not "@/": drizzle-kit loads the schema without the app's path aliases.
import { TALK_TIME_BUCKETS } from "../lib/calls/talk-time";
import { DAY_MS, HOUR_MS } from "../lib/calls/time";

/**
 * The one description of the rollup tables: which tables exist, their grain and dimensions, how a NULL dimension is
 * stored and what they sum. db/schema.ts builds their Drizzle tables from it (rollupTable), lib/ingest/rollup.ts keeps
 * them in step with calls, lib/queries/analytics-rollup.ts reads them; db/rollups.test.ts checks that the migrated
 * database has exactly these tables and columns.
 */
export type RollupDim = "extension" | "agent" | "hangup_cause" | "hangup_side" | "direction" | "call_method" | "answered" | "billsec_bucket";
/** How a NULL dimension is stored; answered and billsec_bucket are never NULL. */
export const DIM_NULL: Record<RollupDim, string | number | null> = {
  extension: "",
  agent: "",
  hangup_cause: -1,
  hangup_side: "",
  direction: "",
  call_method: -1,
  answered: null,
  billsec_bucket: null,
};

/** A rollup table: its time column holds the UTC start of the hour or day (`grainMs`) the row sums. */
export type RollupTable = { name: string; timeColumn: "hour_ms" | "day_ms"; grainMs: number; dims: readonly RollupDim[] };
const TOTALS_DIMS = ["direction", "answered"] as const;
const CORE_DIMS = ["hangup_cause", "hangup_side", "direction", "call_method", "answered", "billsec_bucket"] as const;
const EXT_DIMS = ["extension", "direction", "answered"] as const;
const AGENT_DIMS = ["agent", "direction", "answered"] as const;
const hourly = <const N extends string>(name: N, dims: readonly RollupDim[]) => ({ name, timeColumn: "hour_ms" as const, grainMs: HOUR_MS, dims });
const daily = <const N extends string>(name: N, dims: readonly RollupDim[]) => ({ name, timeColumn: "day_ms" as const, grainMs: DAY_MS, dims });
/**
 * Narrowest first, per grain: a query reads the first table whose dimensions cover its filters and grouping. Rows
 * read is what an aggregate costs (≈ 1 µs each), so the unfiltered page reads the narrow tables; an extension or
 * agent combined with a core dimension (a cause, say) is left to calls, whose extension, agent and cause indexes
 * serve it: a table of every combination held about one row per call, as many as calls itself.
 */
export const ROLLUP_TABLES = [
  hourly("calls_hourly_totals", TOTALS_DIMS),
  hourly("calls_hourly_core", CORE_DIMS),
  hourly("calls_hourly_ext_totals", ["extension"]),
  hourly("calls_hourly_ext", EXT_DIMS),
  hourly("calls_hourly_agent_totals", ["agent"]),
  hourly("calls_hourly_agent", AGENT_DIMS),
  daily("calls_daily_core", CORE_DIMS),
  daily("calls_daily_ext_totals", ["extension"]),
  daily("calls_daily_ext", EXT_DIMS),
  daily("calls_daily_agent_totals", ["agent"]),
  daily("calls_daily_agent", AGENT_DIMS),
] as const satisfies readonly RollupTable[];

export const ROLLUP_SUMS = ["calls", "answered_calls", "bill_sec", "answered_wait_ms", "answered_wait_n", "missed_wait_sec", "missed_wait_n"] as const;

/** SQL of billSecBucket over a bill_sec expression. */
export function billSecBucketSql(column: string): string {
  const whens = TALK_TIME_BUCKETS.flatMap((b, i) => (b.maxSec === null ? [] : [`when ${column} <= ${b.maxSec} then ${i}`]));
  return `case ${whens.join(" ")} else ${TALK_TIME_BUCKETS.length - 1} end`;
}

type RollupTableName = (typeof ROLLUP_TABLES)[number]["name"];

/** The Drizzle table of a rollup in ROLLUP_TABLES: its time column, its dimensions (the unique key) and the sums. */
export function rollupTable(name: RollupTableName) {
  const spec: RollupTable = ROLLUP_TABLES.find((t) => t.name === name)!;
  const columns = {
    [spec.timeColumn]: integer(spec.timeColumn).notNull(),
    ...Object.fromEntries(spec.dims.map((d) => [d, dimColumn(d)])),
    ...Object.fromEntries(ROLLUP_SUMS.map((s) => [s, integer(s).notNull().default(0)])),
  };
  return sqliteTable(name, columns, (t) => [uniqueIndex(`${name}_key_idx`).on(...([spec.timeColumn, ...spec.dims].map((c) => t[c]!) as [never, ...never[]]))]);
}

function dimColumn(d: RollupDim) {
  const nul = DIM_NULL[d];
  if (nul === null) return integer(d).notNull();
  return typeof nul === "string" ? text(d).notNull().default(nul) : integer(d).notNull().default(nul);
}
