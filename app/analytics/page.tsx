import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { AppHeader } from "@/components/app-header";
import { CallFilterBar } from "@/components/filters/call-filter-bar";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { callFilterSchema } from "@/lib/filters/call-filter";
import { getFilterOptions } from "@/lib/queries/filter-options";
import { resolveAnalyticsFilter, type RangedFilter } from "@/lib/queries/analytics";
import { formatCallTime, startOfZonedDay } from "@/lib/time";
import { HangupCausePanel, HangupDirectionPanel } from "./_components/hangup-panels";
import { PanelErrorBoundary } from "./_components/panel-error-boundary";
import { AgentPanel, ExtensionPanel } from "./_components/party-panels";
import { PanelSkeleton, TilesSkeleton } from "./_components/skeletons";
import { SummaryTiles } from "./_components/summary-tiles";
import { BusyHoursPanel, CallsOverTimePanel, TalkTimePanel } from "./_components/time-panels";

export const metadata: Metadata = { title: "Analytics" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AnalyticsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const raw = await searchParams;
  const { DISPLAY_TZ: tz } = getEnv();
  const parsed = callFilterSchema.safeParse(raw);

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
  const props = { filter, timeZone: tz };
  // Remount the panels on a new filter so that each shows its skeleton instead of stale numbers.
  const key = JSON.stringify(filter);

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
        <CallFilterBar basePath="/analytics" displayTz={tz} filter={filter} options={getFilterOptions(getDb())} />

        <PanelErrorBoundary title="Totals">
          <Suspense key={key} fallback={<TilesSkeleton />}>
            <SummaryTiles {...props} />
          </Suspense>
        </PanelErrorBoundary>

        <div className="grid gap-4 lg:grid-cols-3">
          <Slot title="Hangup causes" className="lg:col-span-2" height={320} k={key}>
            <HangupCausePanel {...props} />
          </Slot>
          <Slot title="Hangup direction" height={320} k={key}>
            <HangupDirectionPanel {...props} />
          </Slot>
          <Slot title="Calls over time" className="lg:col-span-2" k={key}>
            <CallsOverTimePanel {...props} />
          </Slot>
          <Slot title="Talk time distribution" k={key}>
            <TalkTimePanel {...props} />
          </Slot>
          <Slot title="Busy hours" className="lg:col-span-3" height={230} k={key}>
            <BusyHoursPanel {...props} />
          </Slot>
        </div>

        <div className="grid gap-4 lg:grid-cols-2">
          <Slot title="Per extension" k={key}>
            <ExtensionPanel {...props} />
          </Slot>
          <Slot title="Per agent" k={key}>
            <AgentPanel {...props} />
          </Slot>
        </div>
      </main>
    </>
  );
}

/** A panel's place in the grid: its own error boundary and Suspense, with a skeleton of its size. */
function Slot({ title, className, height, k, children }: { title: string; className?: string; height?: number; k: string; children: React.ReactNode }) {
  return (
    <PanelErrorBoundary title={title} className={className}>
      <Suspense key={k} fallback={<PanelSkeleton title={title} height={height} className={className} />}>
        {children}
      </Suspense>
    </PanelErrorBoundary>
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
