import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { AppHeader } from "@/components/app-header";
import { Badge } from "@/components/ui/badge";
import { AuthExpiryWarning } from "@/components/vendor-account";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { getSyncStatus, listProblemInbox } from "@/lib/queries/sync-status";
import { describeVendorSources, type VendorSourceState } from "@/lib/settings/vendor-sources";
import { formatCallTime, formatSpan } from "@/lib/time";
import { ReplayButton, SyncNowButton } from "./_components/sync-actions";
import { inboxEndpointLabel } from "@/lib/calls";

export const metadata: Metadata = { title: "Sync" };
export const dynamic = "force-dynamic";

const SOURCE_LABEL = { getbill: "GetBill (App.Sip_Cdr.GetBill)", cdrs: "Double-sided bills (/api/cdrs)" } as const;

export default async function SyncPage() {
  const user = await requireUser();
  const env = getEnv();
  const db = getDb();
  const tz = env.DISPLAY_TZ;
  const status = getSyncStatus(db);
  const now = status.nowMs;
  const configured = describeVendorSources(env);
  const inbox = listProblemInbox(db, 50, now);

  return (
    <>
      <AppHeader current="/sync" userEmail={user.email} />
      <main className="mx-auto flex max-w-screen-2xl flex-col gap-5 px-4 py-5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold text-slate-900">Sync health</h1>
            <p className="text-sm text-slate-600">
              Pulls both vendor APIs{" "}
              {env.SYNC_INTERVAL_SECONDS > 0 ? `every ${formatSpan(env.SYNC_INTERVAL_SECONDS * 1000)}` : "only on demand (SYNC_INTERVAL_SECONDS=0)"}, re-reading
              the last {env.SYNC_LOOKBACK_HOURS} h for late bills. Times in {tz}.
            </p>
          </div>
          <SyncNowButton running={Boolean(status.running)} configured={configured.getbill.configured || configured.cdrs.configured} />
        </div>

        <AuthExpiryWarning account={status.login} nowMs={now} timeZone={tz} />

        <section aria-labelledby="sources-heading" className="grid gap-4 md:grid-cols-2">
          <h2 id="sources-heading" className="sr-only">
            Sources
          </h2>
          {status.sources.map((s) => (
            <SourceCard key={s.name} title={SOURCE_LABEL[s.name]} state={configured[s.name]} status={s} tz={tz} now={now} />
          ))}
        </section>

        <section aria-labelledby="runs-heading" className="rounded-lg border border-slate-200 bg-white">
          <h2 id="runs-heading" className="border-b border-slate-200 px-4 py-3 text-base font-semibold">
            Recent runs
          </h2>
          {status.runs.length === 0 ? (
            <p className="p-4 text-sm text-slate-600">No sync has run yet. Configure a source (see Settings) and press “Sync now”.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                  <tr>
                    {["Started", "Source", "Trigger", "Window", "Pages", "Records (new / updated / rejected)", "Duration", "Outcome"].map((h) => (
                      <th key={h} scope="col" className="px-3 py-2 font-medium">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {status.runs.map((r) => (
                    <tr key={r.id} className="align-top">
                      <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatCallTime(r.startedAtMs, tz)}</td>
                      <td className="px-3 py-2">{r.source}</td>
                      <td className="px-3 py-2">{r.trigger}</td>
                      <td className="whitespace-nowrap px-3 py-2 tabular-nums text-xs">
                        {formatCallTime(r.fromMs, tz)} → {formatCallTime(r.toMs, tz)}
                      </td>
                      <td className="px-3 py-2 tabular-nums">{r.pages}</td>
                      <td className="px-3 py-2 tabular-nums">
                        {r.records.toLocaleString("en-US")} ({r.recordsNew} / {r.recordsUpdated} / {r.recordsRejected})
                      </td>
                      <td className="px-3 py-2 tabular-nums">{r.finishedAtMs ? formatSpan(r.finishedAtMs - r.startedAtMs) : "…"}</td>
                      <td className="px-3 py-2">
                        {r.outcome === "succeeded" ? (
                          <Badge tone="green">Succeeded</Badge>
                        ) : r.outcome === "running" ? (
                          <Badge tone="blue">Running</Badge>
                        ) : (
                          <div className="flex max-w-md flex-col gap-1">
                            <Badge tone="red" className="w-fit">
                              Failed
                            </Badge>
                            <p className="text-xs text-red-800">{r.errorText}</p>
                          </div>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="inbox-heading" className="rounded-lg border border-slate-200 bg-white">
          <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-4 py-3">
            <h2 id="inbox-heading" className="text-base font-semibold">
              Payloads that failed validation or processing
            </h2>
            <p className="text-sm text-slate-600">
              {inbox.rejected.toLocaleString("en-US")} rejected · {inbox.failed.toLocaleString("en-US")} failed · {inbox.retrying.toLocaleString("en-US")} being
              retried. Every body is kept verbatim; replay one after a fix.
            </p>
          </div>
          {inbox.items.length === 0 ? (
            <p className="p-4 text-sm text-slate-600">Nothing here: every callback and pulled record so far was valid.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {inbox.items.map((item) => (
                <li key={item.id} className="flex flex-col gap-2 px-4 py-3 md:flex-row md:items-start md:justify-between">
                  <div className="min-w-0 flex-1">
                    <p className="text-sm">
                      <span className="font-medium">#{item.id}</span> · {inboxEndpointLabel(item.endpoint)} · {formatCallTime(item.receivedAtMs, tz)}
                      {item.remoteAddr ? ` · from ${item.remoteAddr}` : ""} · {item.contentType ?? "no content type"} · {item.bodySize} bytes
                      {item.attempts > 1 ? ` · ${item.attempts} attempts` : ""}
                    </p>
                    <p className="text-sm text-red-800">{inboxProblem(item)}</p>
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs text-slate-600">Raw body</summary>
                      <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">{item.bodyPreview}</pre>
                    </details>
                  </div>
                  <ReplayButton id={item.id} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}

function SourceCard({
  title,
  state,
  status,
  tz,
  now,
}: {
  title: string;
  state: VendorSourceState;
  status: ReturnType<typeof getSyncStatus>["sources"][number];
  tz: string;
  now: number;
}) {
  const last = status.lastRun;
  return (
    <article className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={title}>
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-semibold text-slate-900">{title}</h3>
        {!state.configured ? (
          <Badge>Not configured</Badge>
        ) : last?.outcome === "failed" ? (
          <Badge tone="red">Failing</Badge>
        ) : (
          <Badge tone="green">Configured</Badge>
        )}
      </div>
      {!state.configured ? (
        <p className="text-sm text-slate-700">Skipped: set {state.missing.join(", ")}.</p>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">Last success</dt>
          <dd>{status.lastSuccessAtMs ? `${formatCallTime(status.lastSuccessAtMs, tz)} (${formatSpan(now - status.lastSuccessAtMs)} ago)` : "never"}</dd>
          <dt className="text-slate-600">Complete up to</dt>
          <dd>{status.doneUntilMs ? `${formatCallTime(status.doneUntilMs, tz)} (lag ${formatSpan(status.lagMs ?? 0)})` : "no settled window yet"}</dd>
          {state.settings
            .filter((s) => s.value)
            .map((s) => (
              <div key={s.name} className="contents">
                <dt className="text-slate-600">{s.name}</dt>
                <dd className="break-all font-mono text-xs leading-5">{s.value}</dd>
              </div>
            ))}
        </dl>
      )}
      {last?.outcome === "failed" && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          Last run failed {formatSpan(now - last.startedAtMs)} ago: {last.errorText}
        </p>
      )}
    </article>
  );
}

function inboxProblem(item: { outcome: string; errorText: string | null; attempts: number }): string {
  if (item.outcome === "failed")
    return `Failed on our side after ${item.attempts} attempts: ${item.errorText ?? "unknown error"}. Replay it once the cause is fixed.`;
  if (item.outcome === "received") return `Stored, not yet processed: retried in the background${item.errorText ? ` (${item.errorText})` : ""}.`;
  return item.errorText ?? "Rejected.";
}
