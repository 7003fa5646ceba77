import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { AppHeader } from "@/components/app-header";
import { CallTable, type CallTableRow } from "@/components/calls/call-table";
import { CallFilterBar } from "@/components/filters/call-filter-bar";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { safeParseCallFilter } from "@/lib/filters/call-filter";
import { listCalls } from "@/lib/queries/calls";
import { getFilterOptions } from "@/lib/queries/filter-options";
import { getHangupLabels, labelHangup } from "@/lib/settings/hangup-labels";
import { formatZoneLabel } from "@/lib/time";
import { ANSWERED_RULE, hangupSideLabel } from "@/lib/calls";

export const metadata: Metadata = { title: "Calls" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CallsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const raw = await searchParams;
  const { DISPLAY_TZ } = getEnv();
  const db = getDb();

  const parsed = safeParseCallFilter(raw);
  const issue = parsed.success ? undefined : parsed.error.issues[0];

  let content: React.ReactNode;
  if (parsed.success) {
    const filter = parsed.data;
    const page = listCalls(db, filter);
    const labels = getHangupLabels(db);
    const rows: CallTableRow[] = page.rows.map((r) => ({
      ...r,
      hangupCauseLabel: labelHangup(labels, r.hangupCause),
      hangupDirectionLabel: hangupSideLabel(r.hangupSide),
    }));
    content = (
      <>
        <CallFilterBar basePath="/calls" displayTz={DISPLAY_TZ} filter={filter} options={getFilterOptions(db)} />
        <CallTable rows={rows} total={page.total} totalExact={page.totalExact} filter={filter} displayTz={DISPLAY_TZ} zoneLabel={formatZoneLabel(DISPLAY_TZ)} />
      </>
    );
  } else {
    content = (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
        This link has a filter that cannot be read: <strong>{issue?.path.join(".")}</strong> {issue?.message}.{" "}
        <Link className="underline" href="/calls">
          Show all calls
        </Link>
      </div>
    );
  }

  return (
    <>
      <AppHeader current="/calls" userEmail={user.email} />
      <main className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-xl font-semibold text-slate-900">Calls</h1>
          <p className="text-xs text-slate-600">
            Times in {DISPLAY_TZ} ({formatZoneLabel(DISPLAY_TZ)}). {ANSWERED_RULE}
          </p>
        </div>
        {content}
      </main>
    </>
  );
}
