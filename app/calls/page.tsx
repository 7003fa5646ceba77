import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { AppHeader } from "@/components/app-header";
import { CallFilterBar } from "@/components/calls/call-filter-bar";
import { CallTable } from "@/components/calls/call-table";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { callFilterSchema, toSearchParams } from "@/lib/filters/call-filter";
import { listCalls } from "@/lib/queries/calls";

export const metadata: Metadata = { title: "Calls" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CallsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const raw = await searchParams;
  const { DISPLAY_TZ } = getEnv();

  const parsed = callFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : null;
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  const initial = filter ? { from: filter.from, to: filter.to, direction: filter.direction, q: filter.q } : {};
  const keep = filter
    ? [...toSearchParams({ ...filter, page: 1 }).entries()].filter(([k]) => !["from", "to", "direction", "q", "page"].includes(k))
    : [];
  const page = filter ? listCalls(getDb(), filter) : null;

  return (
    <>
      <AppHeader current="/calls" userEmail={user.email} />
      <main className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-5">
        <div className="flex items-baseline justify-between">
          <h1 className="text-xl font-semibold text-slate-900">Calls</h1>
          <p className="text-xs text-slate-600">Times in {DISPLAY_TZ}. A call counts as answered when its talk time is above zero.</p>
        </div>
        <CallFilterBar key={JSON.stringify(initial)} displayTz={DISPLAY_TZ} initial={initial} keep={keep} />
        {filter && page ? (
          <CallTable page={page} displayTz={DISPLAY_TZ} pageHref={(n) => `/calls?${toSearchParams({ ...filter, page: n }).toString()}`} />
        ) : (
          <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
            This link has a filter that cannot be read: <strong>{issue?.path.join(".")}</strong> {issue?.message}.{" "}
            <Link className="underline" href="/calls">
              Show all calls
            </Link>
          </div>
        )}
      </main>
    </>
  );
}
