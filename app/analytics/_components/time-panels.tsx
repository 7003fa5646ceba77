import Link from "next/link";
import { CallsOverTimeChart } from "@/components/charts/calls-over-time-chart";
import { BusyHoursHeatmap } from "@/components/charts/busy-hours-heatmap";
import { ColumnChart } from "@/components/charts/column-chart";
import type { CallSeries, HeatmapCell, RangedFilter, TalkTimeBucket } from "@/lib/queries/analytics";
import { formatCallTime } from "@/lib/time";
import { EmptyState, Panel } from "./panel";
import { callsHref, formatCount, formatSeconds } from "./format";

/** Talk-time histogram; a column opens the calls with that billsec range. */
export function TalkTimePanel({ buckets, filter }: { buckets: TalkTimeBucket[]; filter: RangedFilter }) {
  const total = buckets.reduce((n, b) => n + b.calls, 0);
  return (
    <Panel id="talk-time" title="Talk time distribution" description="Calls by talk time (billsec). 0 s = not answered. Click a column to open those calls.">
      {total === 0 ? (
        <EmptyState />
      ) : (
        <>
          <ColumnChart
            ariaLabel={`Calls by talk time: ${buckets.map((b) => `${b.label} ${b.calls}`).join(", ")}`}
            valueName="Calls"
            data={buckets.map((b) => ({
              label: b.label,
              value: b.calls,
              href: callsHref(filter, { billSecMin: b.minSec, billSecMax: b.maxSec ?? undefined }),
            }))}
          />
          <ChartTable
            summary="Talk time as a table"
            head={["Talk time", "Calls", "Total talk"]}
            rows={buckets.map((b) => ({
              key: b.label,
              href: callsHref(filter, { billSecMin: b.minSec, billSecMax: b.maxSec ?? undefined }),
              cells: [b.label, formatCount(b.calls), formatSeconds(b.talkSec)],
            }))}
          />
        </>
      )}
    </Panel>
  );
}

/** Calls, answered and talk minutes per hour / day / week of the display zone. */
export function CallsOverTimePanel({ series, filter, timeZone }: { series: CallSeries; filter: RangedFilter; timeZone: string }) {
  const total = series.points.reduce((n, p) => n + p.calls, 0);
  const points = series.points.map((p) => ({
    label: p.label,
    calls: p.calls,
    answered: p.answered,
    talkMin: Math.round((p.talkSec / 60) * 10) / 10,
    href: callsHref(filter, { from: p.startMs, to: p.endMs }),
    startMs: p.startMs,
    talkSec: p.talkSec,
  }));
  return (
    <Panel
      id="over-time"
      title="Calls over time"
      description={`Per ${series.unit} in ${timeZone}. Click a ${series.unit} to open its calls.`}
      className="lg:col-span-2"
    >
      {total === 0 ? (
        <EmptyState />
      ) : (
        <>
          <CallsOverTimeChart ariaLabel={`Calls per ${series.unit}, ${formatCount(total)} in all`} data={points} />
          <ChartTable
            summary={`Calls per ${series.unit} as a table`}
            head={[`${series.unit[0]!.toUpperCase()}${series.unit.slice(1)} (${timeZone})`, "Calls", "Answered", "Talk time"]}
            rows={points.map((p) => ({
              key: String(p.startMs),
              href: p.href,
              cells: [
                series.unit === "hour" ? formatCallTime(p.startMs, timeZone).slice(0, 16) : p.label,
                formatCount(p.calls),
                formatCount(p.answered),
                formatSeconds(p.talkSec),
              ],
            }))}
          />
        </>
      )}
    </Panel>
  );
}

/** Weekday × hour heatmap of the display zone. */
export function BusyHoursPanel({ cells, filter, timeZone }: { cells: HeatmapCell[]; filter: RangedFilter; timeZone: string }) {
  const total = cells.reduce((n, c) => n + c.calls, 0);
  const linked = cells.some((c) => c.onlyHour);
  return (
    <Panel
      id="busy-hours"
      title="Busy hours"
      description={`Calls per weekday and hour in ${timeZone}.${linked ? " Click a cell to open that hour's calls." : " Narrow the range to a week or less to open a cell's calls."}`}
      className="lg:col-span-3"
    >
      {total === 0 ? (
        <EmptyState />
      ) : (
        <BusyHoursHeatmap
          caption={`Calls per weekday and hour in ${timeZone}`}
          cells={cells.map((c) => ({ ...c, href: c.onlyHour ? callsHref(filter, { from: c.onlyHour.startMs, to: c.onlyHour.endMs }) : null }))}
        />
      )}
    </Panel>
  );
}

/** The chart's numbers as a table behind a disclosure: exact values, and links for keyboard and screen-reader users. */
function ChartTable({ summary, head, rows }: { summary: string; head: string[]; rows: { key: string; href: string; cells: string[] }[] }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer rounded text-xs font-medium text-sky-800 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600">
        {summary}
      </summary>
      <div className="mt-2 max-h-72 overflow-auto">
        <table className="w-full">
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
              {head.map((h, i) => (
                <th key={h} scope="col" className={`py-1 font-medium ${i > 0 ? "text-right" : ""}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-b border-slate-100 last:border-0">
                {r.cells.map((c, i) => (
                  <td key={i} className={`py-1 tabular-nums ${i > 0 ? "text-right" : ""}`}>
                    {i === 0 ? (
                      <Link href={r.href} className="text-sky-800 hover:underline">
                        {c}
                      </Link>
                    ) : (
                      c
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
