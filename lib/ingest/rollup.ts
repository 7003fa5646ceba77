import type Database from "better-sqlite3";

/**
 * Hourly and daily rollups of calls (db/schema.ts: calls_hourly*, calls_daily*),
 * kept in step with calls inside the writer's transaction: every write to a call subtracts the row's old
 * contribution and adds its new one. rebuildRollupsSql() recomputes them from calls (migration back-fill, bench fill).
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Talk-time buckets in seconds, inclusive; max null = no upper bound. They map to the filter's billSecMin/Max. */
export const TALK_TIME_BUCKETS = [
  { label: "0 s", minSec: 0, maxSec: 0 },
  { label: "1–10 s", minSec: 1, maxSec: 10 },
  { label: "11–30 s", minSec: 11, maxSec: 30 },
  { label: "31–60 s", minSec: 31, maxSec: 60 },
  { label: "1–2 m", minSec: 61, maxSec: 120 },
  { label: "2–5 m", minSec: 121, maxSec: 300 },
  { label: "5–10 m", minSec: 301, maxSec: 600 },
  { label: "10–30 m", minSec: 601, maxSec: 1800 },
  { label: "30 m +", minSec: 1801, maxSec: null },
] as const;

export function billSecBucket(billSec: number): number {
  for (let i = 0; i < TALK_TIME_BUCKETS.length - 1; i++) if (billSec <= TALK_TIME_BUCKETS[i]!.maxSec!) return i;
  return TALK_TIME_BUCKETS.length - 1;
}

/** SQL of billSecBucket over a bill_sec expression. */
export function billSecBucketSql(column: string): string {
  const whens = TALK_TIME_BUCKETS.flatMap((b, i) => (b.maxSec === null ? [] : [`when ${column} <= ${b.maxSec} then ${i}`]));
  return `case ${whens.join(" ")} else ${TALK_TIME_BUCKETS.length - 1} end`;
}

export const ROLLUP_DIMS = ["extension", "agent", "hangup_cause", "hangup_direction", "direction", "call_method", "answered", "billsec_bucket"] as const;
export type RollupDim = (typeof ROLLUP_DIMS)[number];
/** How a NULL dimension is stored; answered and billsec_bucket are never NULL. */
export const DIM_NULL: Record<RollupDim, string | number | null> = {
  extension: "",
  agent: "",
  hangup_cause: -1,
  hangup_direction: "",
  direction: "",
  call_method: -1,
  answered: null,
  billsec_bucket: null,
};

/** A rollup table: its time column holds the UTC start of the hour or day (`grainMs`) the row sums. */
export type RollupTable = { name: string; timeColumn: "hour_ms" | "day_ms"; grainMs: number; dims: readonly RollupDim[] };
const TOTALS_DIMS = ["direction", "answered"] as const;
const CORE_DIMS = ["hangup_cause", "hangup_direction", "direction", "call_method", "answered", "billsec_bucket"] as const;
const EXT_DIMS = ["extension", "direction", "answered"] as const;
const AGENT_DIMS = ["agent", "direction", "answered"] as const;
const hourly = (name: string, dims: readonly RollupDim[]): RollupTable => ({ name, timeColumn: "hour_ms", grainMs: HOUR_MS, dims });
const daily = (name: string, dims: readonly RollupDim[]): RollupTable => ({ name, timeColumn: "day_ms", grainMs: DAY_MS, dims });
/**
 * Narrowest first, per grain: a query reads the first table whose dimensions cover its filters and grouping. Rows
 * read is what an aggregate costs (≈ 1 µs each), so the unfiltered page reads the narrow tables; an extension or
 * agent combined with a core dimension (a cause, say) is left to calls, whose extension, agent and cause indexes
 * serve it: a table of every combination held about one row per call, as many as calls itself.
 */
export const ROLLUP_TABLES: readonly RollupTable[] = [
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
];

export const ROLLUP_SUMS = ["calls", "answered_calls", "bill_sec", "answered_wait_ms", "answered_wait_n", "missed_wait_sec", "missed_wait_n"] as const;

/** The columns of a calls row that its rollup contribution depends on. */
export const ROLLUP_SOURCE_COLUMNS =
  "started_at_ms, answered_at_ms, duration_sec, bill_sec, answered, extension, agent, hangup_cause, hangup_direction, direction, call_method";
export type RollupSource = {
  started_at_ms: number;
  answered_at_ms: number | null;
  duration_sec: number | null;
  bill_sec: number;
  answered: number;
  extension: string | null;
  agent: string | null;
  hangup_cause: number | null;
  hangup_direction: string | null;
  direction: string | null;
  call_method: number | null;
};

type Contribution = { startedAtMs: number; dims: Record<RollupDim, string | number>; sums: number[] };

/** What one call adds to the rollups: the WAIT_RULE of lib/queries/analytics.ts, in integers. */
export function contributionOf(r: RollupSource): Contribution {
  const answeredWait = r.answered === 1 && r.answered_at_ms !== null && r.answered_at_ms >= r.started_at_ms;
  const missedWait = r.answered === 0 && r.duration_sec !== null;
  return {
    startedAtMs: r.started_at_ms,
    dims: {
      extension: r.extension ?? "",
      agent: r.agent ?? "",
      hangup_cause: r.hangup_cause ?? -1,
      hangup_direction: r.hangup_direction ?? "",
      direction: r.direction ?? "",
      call_method: r.call_method ?? -1,
      answered: r.answered,
      billsec_bucket: billSecBucket(r.bill_sec),
    },
    sums: [
      1,
      r.answered,
      r.bill_sec,
      answeredWait ? r.answered_at_ms! - r.started_at_ms : 0,
      answeredWait ? 1 : 0,
      missedWait ? r.duration_sec! : 0,
      missedWait ? 1 : 0,
    ],
  };
}

const statementCache = new WeakMap<Database.Database, Database.Statement[]>();

function upsertsFor(client: Database.Database): Database.Statement[] {
  let s = statementCache.get(client);
  if (!s) {
    s = ROLLUP_TABLES.map((t) => {
      const cols = [t.timeColumn, ...t.dims];
      return client.prepare(
        `insert into ${t.name} (${[...cols, ...ROLLUP_SUMS].join(", ")}) values (${[...cols, ...ROLLUP_SUMS].map(() => "?").join(", ")})
         on conflict (${cols.join(", ")}) do update set ${ROLLUP_SUMS.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")}`,
      );
    });
    statementCache.set(client, s);
  }
  return s;
}

/**
 * Moves a call's contribution from `before` (null: a new call) to `after` (null: a removed call). A table whose key
 * did not change gets one upsert of the difference, or none when nothing it sums changed.
 */
export function applyRollupChange(client: Database.Database, before: RollupSource | null, after: RollupSource | null): void {
  const upserts = upsertsFor(client);
  const old = before && contributionOf(before);
  const now = after && contributionOf(after);
  ROLLUP_TABLES.forEach((t, i) => {
    const keyOf = (c: Contribution) => [Math.floor(c.startedAtMs / t.grainMs) * t.grainMs, ...t.dims.map((d) => c.dims[d])];
    const oldKey = old && keyOf(old);
    const newKey = now && keyOf(now);
    if (old && now && oldKey!.every((v, j) => v === newKey![j])) {
      const delta = now.sums.map((v, j) => v - old.sums[j]!);
      if (delta.some((v) => v !== 0)) upserts[i]!.run(...newKey!, ...delta);
      return;
    }
    if (old) upserts[i]!.run(...oldKey!, ...old.sums.map((v) => -v));
    if (now) upserts[i]!.run(...newKey!, ...now.sums);
  });
}

/** SQL of one rollup dimension computed from calls. */
function dimSql(d: RollupDim): string {
  if (d === "billsec_bucket") return billSecBucketSql("bill_sec");
  const nul = DIM_NULL[d];
  return nul === null ? d : `coalesce(${d}, ${typeof nul === "string" ? `'${nul}'` : nul})`;
}

/** The statements that recompute every rollup table from calls (into `prefix`-named tables when given). */
export function rebuildRollupsSql(options: { into?: (table: string) => string } = {}): string[] {
  const answeredWait = "case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end";
  const missedWait = "case when answered = 0 then duration_sec end";
  return ROLLUP_TABLES.flatMap((t) => {
    const target = options.into ? options.into(t.name) : t.name;
    const cols = [t.timeColumn, ...t.dims];
    return [
      `DELETE FROM ${target}`,
      `INSERT INTO ${target} (${[...cols, ...ROLLUP_SUMS].join(", ")})
SELECT started_at_ms / ${t.grainMs} * ${t.grainMs}, ${t.dims.map(dimSql).join(", ")},
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(${answeredWait}), 0), count(${answeredWait}),
  coalesce(sum(${missedWait}), 0), count(${missedWait})
FROM calls GROUP BY ${cols.map((_, i) => i + 1).join(", ")}`,
    ];
  });
}
