import type { Metadata } from "next";
import { ZodError } from "zod";
import { getDb } from "@/db/client";
import { AppHeader } from "@/components/app-header";
import { CallFilterBar } from "@/components/calls/call-filter-bar";
import { CallTable } from "@/components/calls/call-table";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { parseCallFilter, toSearchParams } from "@/lib/filters/call-filter";
import { listCalls } from "@/lib/queries/calls";

export const metadata: Metadata = { title: "Calls" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CallsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/calls");
  const raw = await searchParams;
  const { DISPLAY_TZ } = getEnv();

  let body: React.ReactNode;
  let initial = {};
  let keep: [string, string][] = [];
  try {
    const filter = parseCallFilter(raw);
    initial = { from: filter.from, to: filter.to, direction: filter.direction, q: filter.q };
    const params = toSearchParams({ ...filter, page: 1 });
    keep = [...params.entries()].filter(([k]) => !["from", "to", "direction", "q", "page"].includes(k));
    const page = listCalls(getDb(), filter);
    body = (
      <CallTable
        page={page}
        displayTz={DISPLAY_TZ}
        pageHref={(n) => `/calls?${toSearchParams({ ...filter, page: n }).toString()}`}
      />
    );
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    const issue = err.issues[0];
    body = (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
        This link has a filter that cannot be read: <strong>{issue?.path.join(".")}</strong> {issue?.message}.{" "}
        <a className="underline" href="/calls">
          Show all calls
        </a>
      </div>
    );
  }

  return (
    <>
      <AppHeader current="/calls" userEmail={user.email} />
      <main className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-5">
        <div className="flex items-baseline justify-between">
          <h1 className="text-xl font-semibold text-slate-900">Calls</h1>
          <p className="text-xs text-slate-600">Times in {DISPLAY_TZ}. A call counts as answered when its talk time is above zero.</p>
        </div>
        <CallFilterBar key={JSON.stringify(initial)} displayTz={DISPLAY_TZ} initial={initial} keep={keep} />
        {body}
      </main>
    </>
  );
}
