import Link from "next/link";
import type { CallSummary, RangedFilter } from "@/lib/queries/analytics";
import { ANSWERED_RULE } from "@/lib/calls";
import { callsHref, formatCount, formatPercent, formatSeconds } from "./format";

type Better = "up" | "down" | "neither";

/** The six totals of the period, each against the period of the same length just before. */
export function SummaryTiles({ now, before, filter }: { now: CallSummary; before: CallSummary; filter: RangedFilter }) {
  const change = (pick: (s: CallSummary) => number | null) => relativeChange(pick(now), pick(before));
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <Tile
        label="Calls"
        value={formatCount(now.calls)}
        href={callsHref(filter, {})}
        delta={change((s) => s.calls)}
        better="neither"
        description="Every call in the period that matches the filters."
      />
      <Tile
        label="Answered"
        value={formatCount(now.answered)}
        href={callsHref(filter, { answered: "yes" })}
        delta={change((s) => s.answered)}
        better="up"
        description={`${formatCount(now.calls - now.answered)} not answered.`}
      />
      <Tile
        label="Answer rate"
        value={formatPercent(now.answerRate)}
        delta={pointChange(now.answerRate, before.answerRate)}
        better="up"
        description={ANSWERED_RULE}
        testId="tile-answer-rate"
      />
      <Tile
        label="Average talk time"
        value={formatSeconds(now.avgTalkSec)}
        delta={change((s) => s.avgTalkSec)}
        better="neither"
        description="Talk time (billsec) per answered call."
      />
      <Tile
        label="Total talk time"
        value={formatSeconds(now.talkSec)}
        delta={change((s) => s.talkSec)}
        better="neither"
        description="Sum of billsec over all calls."
      />
      <Tile
        label="Average wait"
        value={formatSeconds(now.avgWaitSec)}
        delta={change((s) => s.avgWaitSec)}
        better="down"
        description={`Answered: start → answer (${formatSeconds(now.avgWaitAnsweredSec)}). Unanswered: the whole call until hangup (${formatSeconds(now.avgWaitMissedSec)}).`}
      />
    </div>
  );
}

type Delta = { text: string; direction: "up" | "down" | "flat" } | null;

function Tile({
  label,
  value,
  delta,
  better,
  description,
  href,
  testId,
}: {
  label: string;
  value: string;
  delta: Delta;
  better: Better;
  description: string;
  href?: string;
  testId?: string;
}) {
  const slug = label.toLowerCase().replace(/[^a-z]+/g, "-");
  const tone =
    !delta || delta.direction === "flat" || better === "neither"
      ? "text-slate-700"
      : (delta.direction === "up") === (better === "up")
        ? "text-emerald-700"
        : "text-red-700";
  return (
    <div
      className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-white p-4"
      data-testid={testId ?? `tile-${slug}`}
      role="group"
      aria-labelledby={`tile-${slug}-label`}
    >
      <p id={`tile-${slug}-label`} className="text-xs font-medium text-slate-600">
        {label}
      </p>
      <p className="text-2xl font-semibold text-slate-900 tabular-nums" data-testid="tile-value">
        {href ? (
          <Link href={href} className="rounded hover:underline focus-visible:outline-2 focus-visible:outline-sky-600">
            {value}
          </Link>
        ) : (
          value
        )}
      </p>
      <p className={`text-xs font-medium tabular-nums ${tone}`}>
        {delta ? (
          <>
            <span aria-hidden>{delta.direction === "up" ? "▲ " : delta.direction === "down" ? "▼ " : ""}</span>
            {delta.text} <span className="font-normal text-slate-600">vs previous period</span>
          </>
        ) : (
          <span className="font-normal text-slate-600">No data in the previous period</span>
        )}
      </p>
      <p className="text-xs leading-snug text-slate-600">{description}</p>
    </div>
  );
}

function relativeChange(now: number | null, before: number | null): Delta {
  if (now === null || before === null || before === 0) return null;
  const pct = ((now - before) / before) * 100;
  if (Math.abs(pct) < 0.05) return { text: "no change", direction: "flat" };
  return { text: `${pct > 0 ? "+" : ""}${pct.toFixed(1)}%`, direction: pct > 0 ? "up" : "down" };
}

function pointChange(now: number | null, before: number | null): Delta {
  if (now === null || before === null) return null;
  const pts = (now - before) * 100;
  if (Math.abs(pts) < 0.05) return { text: "no change", direction: "flat" };
  return { text: `${pts > 0 ? "+" : ""}${pts.toFixed(1)} pts`, direction: pts > 0 ? "up" : "down" };
}
