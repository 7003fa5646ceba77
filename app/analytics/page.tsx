import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { AppHeader } from "@/components/app-header";
import { CallFilterBar } from "@/components/filters/call-filter-bar";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { safeParseCallFilter, toSearchParams } from "@/lib/filters/call-filter";
import { getFilterOptions } from "@/lib/queries/filter-options";
import { resolveAnalyticsFilter, type RangedFilter } from "@/lib/queries/analytics";
import { getHangupLabels } from "@/lib/settings/hangup-labels";
import { formatCallTime, startOfZonedDay } from "@/lib/time";
import { AnalyticsBoard } from "./_components/analytics-board";

export const metadata: Metadata = { title: "Analytics" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AnalyticsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const raw = await searchParams;
  const { DISPLAY_TZ: tz } = getEnv();
  const parsed = safeParseCallFilter(raw);

  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return (
      <>
        <AppHeader current="/analytics" userEmail={user.email} />
        <main className="mx-auto max-w-screen-2xl px-4 py-5">
          <h1 className="mb-4 text-xl font-semibold text-slate-900">Analytics</h1>
          <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
            This link has a filter that cannot be read: <strong>{issue?.path.join(".")}</strong> {issue?.message}.{" "}
            <Link className="underline" href="/analytics">
              Show the last 7 days
            </Link>
          </div>
        </main>
      </>
    );
  }

  const { filter, range } = resolveAnalyticsFilter(parsed.data, tz);
  const db = getDb();

  return (
    <>
      <AppHeader current="/analytics" userEmail={user.email} />
      <main className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-xl font-semibold text-slate-900">Analytics</h1>
          <p className="text-xs text-slate-600" data-testid="analytics-range">
            {describeRange(filter, tz)}
            {range.isDefault && " (the default: last 7 days)"} · compared with {describeRange({ from: range.previousFromMs, to: range.previousToMs }, tz)}
          </p>
        </div>
        <CallFilterBar basePath="/analytics" displayTz={tz} filter={filter} options={getFilterOptions(db)} />

        <AnalyticsBoard filter={filter} query={toSearchParams(filter).toString()} timeZone={tz} labels={getHangupLabels(db)} />
      </main>
    </>
  );
}

/** "2026-11-22 – 2026-11-28 (Asia/Shanghai)" for whole days (the end is exclusive), else minutes. */
function describeRange(r: Pick<RangedFilter, "from" | "to">, tz: string): string {
  const wholeDays = startOfZonedDay(r.from, tz) === r.from && startOfZonedDay(r.to, tz) === r.to;
  const from = formatCallTime(r.from, tz);
  const to = formatCallTime(wholeDays ? r.to - 1 : r.to, tz);
  if (!wholeDays) return `${from.slice(0, 16)} – ${to.slice(0, 16)} (${tz})`;
  return from.slice(0, 10) === to.slice(0, 10) ? `${from.slice(0, 10)} (${tz})` : `${from.slice(0, 10)} – ${to.slice(0, 10)} (${tz})`;
}
