import type { Metadata } from "next";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import type { CallRow, ExtensionEventRow } from "@/db/schema";
import { AppHeader } from "@/components/app-header";
import { RecordingPlayer } from "@/components/calls/recording-player";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { getCallDetail, type CallPayloadItem } from "@/lib/queries/call-detail";
import { getHangupLabels, labelHangup } from "@/lib/settings/hangup-labels";
import { formatCallTime, formatDuration, formatZoneLabel } from "@/lib/time";
import { ANSWERED_RULE, CALL_METHOD, callMethodLabel, directionLabel, hangupSideLabel, matchKindLabel, sourceLabel, sourcesOf } from "@/lib/calls";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: `Call ${id}` };
}

export default async function CallDetailPage({ params }: { params: Params }) {
  const { id: rawId } = await params;
  const user = await requireUser(`/calls/${encodeURIComponent(rawId)}`);
  if (!/^\d{1,12}$/.test(rawId)) notFound();
  const db = getDb();
  const detail = getCallDetail(db, Number(rawId));
  if (!detail) notFound();

  const { DISPLAY_TZ: tz } = getEnv();
  const zone = formatZoneLabel(tz, detail.call.startedAtMs);
  const labels = getHangupLabels(db);
  const c = detail.call;
  const time = (ms: number | null) => (ms == null ? null : formatCallTime(ms, tz));
  const method = callMethodLabel(c.callMethod) || undefined;
  const isDouble = c.callMethod === CALL_METHOD.apiDouble;
  const hasRecording = Boolean(c.recordFilename || c.recordUrl);

  return (
    <>
      <AppHeader current="/calls" userEmail={user.email} />
      <main className="mx-auto flex max-w-screen-xl flex-col gap-5 px-4 py-5">
        <div className="flex flex-col gap-2">
          <Link href="/calls" className="inline-flex w-fit items-center gap-1 text-sm text-sky-800 hover:underline">
            <ArrowLeft aria-hidden className="size-4" /> Back to calls
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold text-slate-900">
              Call {c.displayNumber ?? "?"} → {c.destNumber ?? "?"}
            </h1>
            {c.direction && <Badge tone={c.direction === "inbound" ? "blue" : "neutral"}>{directionLabel(c.direction)}</Badge>}
            {c.answered ? <Badge tone="green">Answered · {formatDuration(c.billSec)}</Badge> : <Badge tone="amber">Not answered</Badge>}
            {method && <Badge>{method}</Badge>}
          </div>
          <p className="text-sm text-slate-600">
            Started {time(c.startedAtMs)} · call #{c.id} · all times in {tz} ({zone})
          </p>
        </div>

        <Card title="Recording" id="recording">
          {hasRecording ? (
            <RecordingPlayer src={`/api/calls/${c.id}/recording`} />
          ) : (
            <p className="text-sm text-slate-600">The vendor sent no recording for this call (no record file name or address in any source).</p>
          )}
        </Card>

        <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <Card title="Timeline">
            <Timeline call={c} events={detail.events} tz={tz} zone={zone} />
            <p className="mt-3 text-xs text-slate-600">
              {detail.eventsMatchedBy === "uuid"
                ? "Extension status events matched to this call by its uuid."
                : detail.eventsMatchedBy === "extension-window"
                  ? `Extension status events matched by extension ${c.extension} and time (the call has no uuid the events share), so a neighbouring call's event can appear here.`
                  : "No extension status events were received for this call; the timeline comes from the bill."}
            </p>
          </Card>

          <div className="flex flex-col gap-5">
            {isDouble && (
              <Card title="Double call: both legs">
                <p className="mb-3 text-sm text-slate-600">An API double call rings the A side (usually the agent) first, then bridges it to the B side.</p>
                {c.aStartedAtMs == null && c.aNumber == null && (
                  <p className="mb-3 text-sm text-amber-900">
                    The A side is only reported by the /api/cdrs pull; it will appear here once that source has delivered this call.
                  </p>
                )}
                <div className="grid gap-4 sm:grid-cols-2">
                  <Fields
                    title="A side"
                    rows={[
                      ["Number", c.aNumber],
                      ["Started", time(c.aStartedAtMs)],
                      ["Answered", time(c.aAnsweredAtMs)],
                      ["Ended", time(c.aEndedAtMs)],
                      ["Wait", formatDuration(c.aDurationSec)],
                      ["Talk time", formatDuration(c.aBillSec)],
                    ]}
                  />
                  <Fields
                    title="B side"
                    rows={[
                      ["Number", c.destNumber],
                      ["Started", time(c.startedAtMs)],
                      ["Answered", time(c.answeredAtMs)],
                      ["Ended", time(c.endedAtMs)],
                      ["Wait", formatDuration(c.durationSec)],
                      ["Talk time", formatDuration(c.billSec)],
                    ]}
                  />
                </div>
              </Card>
            )}
            <Card title="Details">
              <div className="grid gap-5 sm:grid-cols-2">
                <Fields
                  title="Call"
                  rows={[
                    ["Start", time(c.startedAtMs)],
                    ["Answered at", time(c.answeredAtMs)],
                    ["Ended at", time(c.endedAtMs)],
                    ["Wait (vendor “duration”)", formatDuration(c.durationSec)],
                    ["Talk time (billsec)", `${formatDuration(c.billSec)} (${c.billSec} s)`],
                    ["Answered", c.answered ? "Yes" : "No"],
                    ["Direction", directionLabel(c.direction) || null],
                    ["Call method", method ? `${method} (${c.callMethod})` : c.callMethod],
                    ["Hangup cause", labelHangup(labels, c.hangupCause)],
                    ["Hung up by", hangupSideLabel(c.hangupSide) || null],
                  ]}
                />
                <Fields
                  title="Parties"
                  rows={[
                    ["Extension", c.extension],
                    ["Agent", c.agent],
                    ["Display number", c.displayNumber],
                    ["Destination number", c.destNumber],
                    ["A-side number", isDouble ? null : c.aNumber],
                    ["Member id", c.memberId],
                    ["Customer id", c.customerId],
                    ["Custom parameter (chengshudu / ext)", c.chengshudu],
                    ["Key pressed (userkey)", c.userKey],
                  ]}
                />
                <Fields
                  title="Campaign and account"
                  rows={[
                    ["Task id", c.taskId],
                    ["Round", c.round],
                    ["Company code", c.companyCode],
                    ["Client IP", c.clientIp],
                  ]}
                />
                <Fields
                  title="Identity"
                  rows={[
                    ["Call number here", c.id],
                    ["Vendor id (App.Sip_Cdr)", c.vendorId],
                    ["/api/cdrs id", c.cdrsId],
                    ["Vendor uuid", c.uuid],
                    ["Sources", sourcesOf(c.sources).map(sourceLabel).join(", ")],
                    ["First seen", time(c.firstSeenAtMs)],
                    ["Last updated", time(c.lastSeenAtMs)],
                    ["Recording file", c.recordFilename],
                    ["Recording host (downloadip)", c.downloadIp],
                    ["Recording address (recordurl)", c.recordUrl ? "given by the vendor" : null],
                  ]}
                />
              </div>
              <p className="mt-4 text-xs text-slate-600">{ANSWERED_RULE}</p>
            </Card>
          </div>
        </div>

        <Card title={`Sources (${detail.payloads.length})`}>
          {detail.payloads.length === 0 ? (
            <p className="text-sm text-slate-600">No raw payload is stored for this call.</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {detail.payloads.map((p) => (
                <SourceItem key={p.source} payload={p} time={time} tz={zone} />
              ))}
            </ul>
          )}
        </Card>
      </main>
    </>
  );
}

function Card({ title, id, children }: { title: string; id?: string; children: React.ReactNode }) {
  const headingId = `${id ?? title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-700">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Fields({ title, rows }: { title: string; rows: [string, string | number | null | undefined][] }) {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== "");
  return (
    <div>
      <h3 className="mb-1.5 text-sm font-medium text-slate-900">{title}</h3>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing recorded.</p>
      ) : (
        <dl className="grid grid-cols-[minmax(0,9rem)_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
          {shown.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="break-words tabular-nums text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

type Step = { atMs: number; label: string; origin: "bill" | "status" | "a-side" };

const EVENT_LABEL = { ring: "rang", answer: "answered", hangup: "hung up" } as const;

function Timeline({ call: c, events, tz, zone }: { call: CallRow; events: ExtensionEventRow[]; tz: string; zone: string }) {
  const steps: Step[] = [{ atMs: c.startedAtMs, label: "Call started", origin: "bill" }];
  if (c.answeredAtMs != null)
    steps.push({ atMs: c.answeredAtMs, label: c.billSec > 0 ? "Answered" : "Answer time given, but nobody talked (talk time 0)", origin: "bill" });
  if (c.endedAtMs != null) steps.push({ atMs: c.endedAtMs, label: "Hung up", origin: "bill" });
  if (c.callMethod === CALL_METHOD.apiDouble) {
    if (c.aStartedAtMs != null) steps.push({ atMs: c.aStartedAtMs, label: "A side called", origin: "a-side" });
    if (c.aAnsweredAtMs != null) steps.push({ atMs: c.aAnsweredAtMs, label: "A side answered", origin: "a-side" });
    if (c.aEndedAtMs != null) steps.push({ atMs: c.aEndedAtMs, label: "A side hung up", origin: "a-side" });
  }
  for (const e of events) {
    const who = e.extension ? `Extension ${e.extension}` : "Extension";
    const other = e.status === "ring" && (e.callee || e.caller) ? ` (${e.direction === "inbound" ? `from ${e.caller ?? "?"}` : `to ${e.callee ?? "?"}`})` : "";
    steps.push({ atMs: e.eventAtMs, label: `${who} ${EVENT_LABEL[e.status]}${other}${e.isBLeg ? " · B leg" : ""}`, origin: "status" });
  }
  steps.sort((a, b) => a.atMs - b.atMs || order(a) - order(b));
  const t0 = steps[0]!.atMs;
  return (
    <ol className="relative ml-2 border-l border-slate-200">
      {steps.map((s, i) => (
        <li key={i} className="mb-3 ml-4 last:mb-0">
          <span
            aria-hidden
            className={`absolute -left-1.5 mt-1.5 size-3 rounded-full border-2 border-white ${s.origin === "status" ? "bg-violet-500" : s.origin === "a-side" ? "bg-amber-500" : "bg-sky-600"}`}
          />
          <p className="text-sm font-medium text-slate-900">{s.label}</p>
          <p className="text-xs tabular-nums text-slate-600">
            {formatCallTime(s.atMs, tz)} {zone} · +{formatDuration((s.atMs - t0) / 1000)} ·{" "}
            {s.origin === "status" ? "extension status callback" : s.origin === "a-side" ? "bill, A side" : "bill"}
          </p>
        </li>
      ))}
    </ol>
  );
}

function order(s: Step): number {
  return s.origin === "bill" ? 0 : s.origin === "a-side" ? 1 : 2;
}

function SourceItem({ payload: p, time, tz }: { payload: CallPayloadItem; time: (ms: number | null) => string | null; tz: string }) {
  return (
    <li className="rounded-md border border-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2">
        <p className="text-sm font-medium text-slate-900">{sourceLabel(p.source)}</p>
        <p className="text-xs text-slate-600">
          Received {time(p.receivedAtMs)} ({tz}){p.inboxId != null ? ` · inbox #${p.inboxId}` : ""}
        </p>
      </div>
      <p className="px-3 pb-2 text-sm text-slate-700">{p.matchedBy ? matchKindLabel(p.matchedBy) : "How it was matched was not recorded."}</p>
      <details className="border-t border-slate-100">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-sky-800 hover:bg-slate-50">Raw payload</summary>
        <pre
          className="max-h-96 overflow-auto bg-slate-950 p-3 text-xs leading-relaxed text-slate-100"
          tabIndex={0}
          aria-label={`Raw payload from ${sourceLabel(p.source)}`}
        >
          {p.payload}
        </pre>
      </details>
    </li>
  );
}
