import type Database from "better-sqlite3";
import { billSecBucket } from "@/lib/calls";
import { billSecBucketSql, DIM_NULL, ROLLUP_SUMS, ROLLUP_TABLES, type RollupDim } from "@/db/rollups";

/**
 * Keeps the rollups (db/rollups.ts) in step with calls inside the writer's transaction: every write to a call
 * subtracts the row's old contribution and adds its new one. rebuildRollupsSql() recomputes them from calls
 * (migration back-fill, bench fill).
 */
/** The columns of a calls row that its rollup contribution depends on. */
export const ROLLUP_SOURCE_COLUMNS =
  "started_at_ms, answered_at_ms, duration_sec, bill_sec, answered, extension, agent, hangup_cause, hangup_side, direction, call_method";
export type RollupSource = {
  started_at_ms: number;
  answered_at_ms: number | null;
  duration_sec: number | null;
  bill_sec: number;
  answered: number;
  extension: string | null;
  agent: string | null;
  hangup_cause: number | null;
  hangup_side: string | null;
  direction: string | null;
  call_method: number | null;
};

type Contribution = { startedAtMs: number; dims: Record<RollupDim, string | number>; sums: number[] };

/** What one call adds to the rollups: the WAIT_RULE of lib/queries/analytics.ts, in integers. */
function contributionOf(r: RollupSource): Contribution {
  const answeredWait = r.answered === 1 && r.answered_at_ms !== null && r.answered_at_ms >= r.started_at_ms;
  const missedWait = r.answered === 0 && r.duration_sec !== null;
  return {
    startedAtMs: r.started_at_ms,
    dims: {
      extension: r.extension ?? "",
      agent: r.agent ?? "",
      hangup_cause: r.hangup_cause ?? -1,
      hangup_side: r.hangup_side ?? "",
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
