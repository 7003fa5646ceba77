import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { CallPage } from "@/lib/queries/calls";
import { formatCallTime, formatDuration, formatZoneLabel } from "@/lib/time";
import { CALL_METHODS } from "@/lib/vendor/call-record";
import { hangupLabel } from "@/lib/vendor/hangup-codes";

type Props = { page: CallPage; displayTz: string; pageHref: (page: number) => string };

/** The bills table: one row per call, newest first, times in the display zone. */
export function CallTable({ page, displayTz, pageHref }: Props) {
  const zone = formatZoneLabel(displayTz);
  const lastPage = Math.max(1, Math.ceil(page.total / page.pageSize));
  const firstRow = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const lastRow = Math.min(page.total, page.page * page.pageSize);

  if (page.total === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
        <p className="text-base font-medium text-slate-800">No calls match these filters.</p>
        <p className="mt-1 text-sm text-slate-600">
          Widen the time range or clear the number search. Calls appear here as soon as the vendor sends its bill callbacks.
        </p>
      </div>
    );
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Calls, newest first</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Start ({zone})</th>
              <th scope="col" className="px-3 py-2 font-medium">Direction</th>
              <th scope="col" className="px-3 py-2 font-medium">Method</th>
              <th scope="col" className="px-3 py-2 font-medium">Extension</th>
              <th scope="col" className="px-3 py-2 font-medium">Agent</th>
              <th scope="col" className="px-3 py-2 font-medium">Display number</th>
              <th scope="col" className="px-3 py-2 font-medium">Destination</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Wait</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Talk time</th>
              <th scope="col" className="px-3 py-2 font-medium">Hangup cause</th>
              <th scope="col" className="px-3 py-2 font-medium">Hung up by</th>
              <th scope="col" className="px-3 py-2 font-medium">Recording</th>
              <th scope="col" className="px-3 py-2 font-medium">Sources</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.rows.map((call) => (
              <tr key={call.id} className="hover:bg-slate-50" data-call-id={call.id}>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatCallTime(Date.parse(call.startTime!), displayTz)}</td>
                <td className="px-3 py-2">
                  {call.direction === "inbound" ? <Badge tone="blue">Inbound</Badge> : call.direction === "outbound" ? <Badge>Outbound</Badge> : "—"}
                </td>
                <td className="whitespace-nowrap px-3 py-2">{CALL_METHODS.find((m) => m.code === call.callMethod)?.label ?? "—"}</td>
                <td className="px-3 py-2 tabular-nums">{call.extension ?? "—"}</td>
                <td className="px-3 py-2 tabular-nums">{call.agent ?? "—"}</td>
                <td className="px-3 py-2 tabular-nums">{call.displayNumber ?? "—"}</td>
                <td className="px-3 py-2 tabular-nums">{call.destNumber ?? "—"}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatDuration(call.duration)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {call.answered ? formatDuration(call.billsec) : <Badge tone="amber" className="whitespace-nowrap">Not answered</Badge>}
                </td>
                <td className="whitespace-nowrap px-3 py-2">{hangupLabel(call.hangupCause) || "—"}</td>
                <td className="whitespace-nowrap px-3 py-2">{hangupLabel(call.hangupDirection) || "—"}</td>
                <td className="px-3 py-2">
                  {call.recordingUrl ? (
                    <a className="text-sky-800 underline" href={call.recordingUrl}>
                      Recording
                    </a>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-3 py-2 text-xs text-slate-600">{call.sources.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-200 px-3 py-2 text-sm text-slate-700">
        <p>
          <span className="tabular-nums">
            {firstRow.toLocaleString("en-US")}–{lastRow.toLocaleString("en-US")}
          </span>{" "}
          of <strong data-testid="calls-total">{page.total.toLocaleString("en-US")}</strong> calls
        </p>
        <div className="flex items-center gap-2">
          <PageLink href={page.page > 1 ? pageHref(page.page - 1) : null} label="Previous page" text="Previous" />
          <span className="tabular-nums">
            Page {page.page} of {lastPage.toLocaleString("en-US")}
          </span>
          <PageLink href={page.page < lastPage ? pageHref(page.page + 1) : null} label="Next page" text="Next" />
        </div>
      </nav>
    </div>
  );
}

function PageLink({ href, label, text }: { href: string | null; label: string; text: string }) {
  const cls = "rounded-md border border-slate-300 px-2.5 py-1 text-sm";
  return href ? (
    <Link href={href} aria-label={label} className={`${cls} bg-white hover:bg-slate-100`}>
      {text}
    </Link>
  ) : (
    <span aria-disabled="true" className={`${cls} cursor-not-allowed text-slate-400`}>
      {text}
    </span>
  );
}
