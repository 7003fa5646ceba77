// npm run sync -- [--from "yyyy-mm-dd hh:mm:ss"] [--to "yyyy-mm-dd hh:mm:ss"] [--source getbill|cdrs|all]
// Pulls the vendor's bills into DATABASE_URL. Times are in VENDOR_TZ; default: from each source's checkpoint to now.
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { EnvError, getEnv } from "@/lib/env";
import { runConfiguredSync } from "@/lib/sync/configured";
import { formatZonedTime, parseZonedTime } from "@/lib/time";

const USAGE = 'usage: npm run sync -- [--from "yyyy-mm-dd hh:mm:ss"] [--to "yyyy-mm-dd hh:mm:ss"] [--source getbill|cdrs|all]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { from: { type: "string" }, to: { type: "string" }, source: { type: "string", default: "all" }, help: { type: "boolean" } },
  });
  if (values.help) return (console.log(USAGE), 0);
  const env = getEnv();
  const source = values.source;
  if (source !== "getbill" && source !== "cdrs" && source !== "all") return fail(`--source must be getbill, cdrs or all\n${USAGE}`);
  const fromMs = values.from === undefined ? undefined : parseZonedTime(values.from, env.VENDOR_TZ);
  const toMs = values.to === undefined ? undefined : parseZonedTime(values.to, env.VENDOR_TZ);
  if (fromMs === null) return fail(`--from is not a time "yyyy-mm-dd hh:mm:ss": ${values.from}`);
  if (toMs === null) return fail(`--to is not a time "yyyy-mm-dd hh:mm:ss": ${values.to}`);
  if (fromMs !== undefined && toMs !== undefined && fromMs >= toMs) return fail("--to must be later than --from");

  const db = openDatabase(env.databasePath);
  let lastLine = 0;
  const outcome = await runConfiguredSync(db, env, {
    source,
    fromMs,
    toMs,
    trigger: "cli",
    onProgress: (p) => {
      if (Date.now() - lastLine < 1000 && p.windowIndex + 1 < p.windowCount) return;
      lastLine = Date.now();
      console.log(
        `${p.source}: window ${p.windowIndex + 1}/${p.windowCount} (${formatZonedTime(p.windowFromMs, env.VENDOR_TZ)}) page ${p.page} · ${p.pages} pages · ${p.records} records · ${p.ratePerSec}/s`,
      );
    },
    http: { onRetry: (e, n) => console.warn(`  retrying after attempt ${n}: ${e.detail}`) },
  });
  if (outcome.status === "busy")
    return fail(`Another sync is running (${outcome.holder}) until ${new Date(outcome.expiresAtMs).toISOString()} at the latest; try again later.`);
  for (const n of outcome.notConfigured) console.log(`${n.name}: not configured (missing ${n.missing.join(", ")}), skipped`);
  let failed = false;
  for (const r of outcome.results) {
    const summary = `${r.source}: ${r.outcome} · ${r.windows} windows · ${r.pages} pages · ${r.records} records (${r.recordsNew} new, ${r.recordsUpdated} updated, ${r.recordsRejected} rejected) · ${r.retries} retries · ${(r.durationMs / 1000).toFixed(1)} s`;
    console.log(summary);
    if (r.outcome === "failed") {
      failed = true;
      console.error(`${r.source}: ${r.errorText}`);
    }
  }
  if (outcome.results.length === 0) return fail("No source is configured: set GETBILL_* and/or CDRS_* (see README).");
  return failed ? 1 : 0;
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof EnvError ? err.message : err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
