import { PhoneIncoming, PhoneOutgoing } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { LatestCall } from "@/lib/queries/live";
import { formatDuration, formatZoneLabel } from "@/lib/time";
import { formatClock } from "./format";

type Props = { calls: LatestCall[]; dayStartMs: number; displayTz: string };

/** The last calls whose bill arrived, newest first. */
export function LatestCalls({ calls, dayStartMs, displayTz }: Props) {
  if (calls.length === 0) {
    return <p className="p-4 text-sm text-slate-600">No calls yet. Calls appear here when the vendor sends their bills, as each call ends.</p>;
  }
  return (
    // Focusable so that keyboard users can scroll it sideways on a narrow screen.
    <div
      className="overflow-x-auto focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-600"
      tabIndex={0}
      role="group"
      aria-label="Latest calls table"
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Latest calls, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-2.5 py-2 font-medium">
              Start ({formatZoneLabel(displayTz)})
            </th>
            <th scope="col" className="px-2.5 py-2 font-medium">
              Ext.
            </th>
            <th scope="col" className="px-2.5 py-2 font-medium">
              Other party
            </th>
            <th scope="col" className="px-2.5 py-2 text-right font-medium">
              Talk time
            </th>
            <th scope="col" className="px-2.5 py-2 font-medium">
              Hangup cause
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {calls.map((call) => (
            <tr key={call.id}>
              <td className="whitespace-nowrap px-2.5 py-1.5 tabular-nums">{formatClock(call.startedAtMs, dayStartMs, displayTz)}</td>
              <td className="px-2.5 py-1.5 tabular-nums">{call.extension ?? "—"}</td>
              <td className="whitespace-nowrap px-2.5 py-1.5 tabular-nums">
                <span className="inline-flex items-center gap-1">
                  {call.direction === "inbound" ? (
                    <PhoneIncoming aria-hidden className="size-3.5 text-sky-700" />
                  ) : call.direction === "outbound" ? (
                    <PhoneOutgoing aria-hidden className="size-3.5 text-slate-500" />
                  ) : null}
                  {call.direction && <span className="sr-only">{call.direction === "inbound" ? "From" : "To"} </span>}
                  {call.otherNumber || "—"}
                </span>
              </td>
              <td className="whitespace-nowrap px-2.5 py-1.5 text-right tabular-nums">
                {call.answered ? formatDuration(call.billSec) : <Badge tone="amber">Not answered</Badge>}
              </td>
              <td className="min-w-32 px-2.5 py-1.5 leading-tight">{call.hangupCause || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
