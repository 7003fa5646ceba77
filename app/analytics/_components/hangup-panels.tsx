import Link from "next/link";
import { BarListChart } from "@/components/charts/bar-list-chart";
import type { BreakdownRow, RangedFilter } from "@/lib/queries/analytics";
import { hangupSideLabel, type HangupSide } from "@/lib/calls";
import { EmptyState, Panel } from "./panel";
import { callsHref, formatCount, formatPercent, formatSeconds } from "./format";

const CHART_TOP = 10;

/** Hangup causes: bars and a table (count, share, average talk time); a cause opens its calls. */
export function HangupCausePanel({ rows, labels, filter }: { rows: BreakdownRow<number | null>[]; labels: Record<string, string>; filter: RangedFilter }) {
  const view = rows.map((r) => ({
    ...r,
    label: r.key === null ? "No cause recorded" : (labels[String(r.key)] ?? String(r.key)),
    code: r.key === null ? "–" : String(r.key),
    href: r.key === null ? null : callsHref(filter, { hangupCause: [r.key] }),
  }));
  return (
    <Panel
      id="hangup-causes"
      title="Hangup causes"
      description="Why calls ended. Labels are editable in Settings. Click a bar or a row to open those calls."
      className="lg:col-span-2"
    >
      {rows.length === 0 ? (
        <EmptyState />
      ) : (
        <div className="grid gap-4 xl:grid-cols-2">
          <BarListChart
            ariaLabel={`Calls per hangup cause: ${view
              .slice(0, CHART_TOP)
              .map((v) => `${v.label} ${v.calls}`)
              .join(", ")}`}
            valueName="Calls"
            data={view.slice(0, CHART_TOP).map((v) => ({ label: v.label, value: v.calls, href: v.href }))}
          />
          <BreakdownTable caption="Hangup causes" rows={view} keyHeader="Cause" />
        </div>
      )}
    </Panel>
  );
}

/** Who hung up (the vendor's hangup direction), beside the causes. */
export function HangupDirectionPanel({ rows, filter }: { rows: BreakdownRow<HangupSide | null>[]; filter: RangedFilter }) {
  const view = rows.map((r) => ({
    ...r,
    label: r.key === null ? "Not recorded" : hangupSideLabel(r.key),
    code: "",
    href: r.key === null ? null : callsHref(filter, { hangupDirection: [r.key] }),
  }));
  return (
    <Panel id="hangup-directions" title="Hangup direction" description="Which side ended the call. Click a bar or a row to open those calls.">
      {rows.length === 0 ? (
        <EmptyState />
      ) : (
        <>
          <BarListChart
            ariaLabel={`Calls per hangup direction: ${view.map((v) => `${v.label} ${v.calls}`).join(", ")}`}
            valueName="Calls"
            color="#7c3aed"
            labelWidth={120}
            data={view.map((v) => ({ label: v.label, value: v.calls, href: v.href }))}
          />
          <BreakdownTable caption="Hangup directions" rows={view} keyHeader="Direction" />
        </>
      )}
    </Panel>
  );
}

type ViewRow = BreakdownRow<unknown> & { label: string; code: string; href: string | null };

function BreakdownTable({ caption, rows, keyHeader }: { caption: string; rows: ViewRow[]; keyHeader: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
            <th scope="col" className="py-1.5 pr-2 font-medium">
              {keyHeader}
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              Calls
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              Share
            </th>
            <th scope="col" className="py-1.5 pl-2 text-right font-medium">
              Avg talk
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.label}|${r.code}`} className="relative border-b border-slate-100 last:border-0 hover:bg-slate-50">
              <td className="py-1.5 pr-2">
                {r.href ? (
                  <Link
                    href={r.href}
                    className="text-sky-800 after:absolute after:inset-0 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
                  >
                    {r.label}
                  </Link>
                ) : (
                  r.label
                )}{" "}
                <span className="text-xs text-slate-600">{r.code}</span>
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums">{formatCount(r.calls)}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{formatPercent(r.share)}</td>
              <td className="py-1.5 pl-2 text-right tabular-nums" title="Average billsec over all calls with this value">
                {formatSeconds(r.avgBillSec)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
