"use client";

import { SlidersHorizontal, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { toSearchParams, type CallFilter } from "@/lib/filters/call-filter";
import { RANGE_PRESETS, matchPreset, presetRange, type RangePreset } from "@/lib/filters/time-range";
import { formatCallTime, formatZonedTime, parseZonedTime } from "@/lib/time";
import { HANGUP_SIDES, hangupSideLabel, isHangupSide, CALL_METHOD_OPTIONS, CALL_SOURCES, callMethodLabel, DIRECTIONS, directionLabel, sourceLabel, type CallSource } from "@/lib/calls";
import type { CallFilterOptions } from "@/lib/queries/filter-options";
import { MultiSelect } from "./multi-select";

export type { CallFilterOptions };

type Props = {
  /** Where the filters apply: "/calls" or "/analytics". */
  basePath: string;
  displayTz: string;
  /** The filter the page was rendered with (parsed from the URL). */
  filter: CallFilter;
  options: CallFilterOptions;
};

const DEFAULT_HANGUP_DIRECTIONS = HANGUP_SIDES.map((value) => ({ value, label: hangupSideLabel(value) }));

/**
 * The one filter bar of /calls and /analytics. The URL is the state: Apply (or a preset, or removing a chip) pushes
 * the whole parameter set, so a link reproduces the view and Back/Forward/reload keep it.
 */
export function CallFilterBar(props: Props) {
  // A new URL (Back, Forward, a chip) re-seeds the form from the filter it was rendered with.
  return <FilterForm key={toSearchParams({ ...props.filter, page: 1 }).toString()} {...props} />;
}

type Draft = {
  preset: RangePreset | "all" | "custom";
  from: string;
  to: string;
  direction: string;
  answered: string;
  q: string;
  extension: string[];
  callMethod: string[];
  hangupCause: string[];
  hangupDirection: string[];
  agent: string;
  memberId: string;
  customerId: string;
  billSecMin: string;
  billSecMax: string;
  hasRecording: string;
  source: string[];
};

function FilterForm({ basePath, displayTz, filter, options }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(() => toDraft(filter, displayTz));
  const moreCount = countMore(filter);
  const [moreOpen, setMoreOpen] = useState(moreCount > 0);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const hangupDirections = options.hangupDirections ?? DEFAULT_HANGUP_DIRECTIONS;
  const causeOptions = options.hangupCauses.map((c) => ({ value: String(c.code), label: c.label }));
  const chips = activeChips(filter, displayTz, options, hangupDirections);

  function go(next: Partial<CallFilter>) {
    const params = toSearchParams({ ...next, sort: filter.sort, order: filter.order, pageSize: filter.pageSize, page: 1 });
    const query = params.toString();
    router.push(query ? `${basePath}?${query}` : basePath);
  }

  function apply(d: Draft) {
    const range = rangeOf(d, displayTz);
    if ("error" in range) {
      setError(range.error);
      return;
    }
    const min = d.billSecMin.trim() === "" ? undefined : Number(d.billSecMin);
    const max = d.billSecMax.trim() === "" ? undefined : Number(d.billSecMax);
    if ((min !== undefined && !(min >= 0)) || (max !== undefined && !(max >= 0)) || (min !== undefined && max !== undefined && min > max)) {
      setError("Talk time: enter whole seconds, the minimum not above the maximum.");
      return;
    }
    setError(null);
    go({
      ...range,
      direction: (d.direction || undefined) as CallFilter["direction"],
      answered: (d.answered || undefined) as CallFilter["answered"],
      q: d.q.trim() || undefined,
      extension: d.extension,
      callMethod: d.callMethod.map(Number),
      hangupCause: d.hangupCause.map(Number),
      hangupDirection: d.hangupDirection.filter(isHangupSide),
      agent: d.agent.trim() || undefined,
      memberId: d.memberId.trim() || undefined,
      customerId: d.customerId.trim() || undefined,
      billSecMin: min === undefined ? undefined : Math.floor(min),
      billSecMax: max === undefined ? undefined : Math.floor(max),
      hasRecording: (d.hasRecording || undefined) as CallFilter["hasRecording"],
      source: d.source as CallSource[],
    });
  }

  return (
    <section aria-label="Filters" className="rounded-lg border border-slate-200 bg-white">
      <form
        className="flex flex-col gap-3 p-3"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-range">Time range</Label>
            <Select
              id="f-range"
              value={draft.preset}
              onChange={(e) => {
                const next = { ...draft, preset: e.target.value as Draft["preset"] };
                setDraft(next);
                if (next.preset !== "custom") apply(next);
              }}
            >
              <option value="all">All time</option>
              {RANGE_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
              <option value="custom">Custom range…</option>
            </Select>
          </div>
          {draft.preset === "custom" && (
            <>
              <div className="flex flex-col gap-1">
                <Label htmlFor="f-from">From ({displayTz})</Label>
                <Input id="f-from" type="datetime-local" step={1} value={draft.from} onChange={(e) => set("from", e.target.value)} className="w-52" />
              </div>
              <div className="flex flex-col gap-1">
                <Label htmlFor="f-to">To, exclusive ({displayTz})</Label>
                <Input id="f-to" type="datetime-local" step={1} value={draft.to} onChange={(e) => set("to", e.target.value)} className="w-52" />
              </div>
            </>
          )}
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-direction">Direction</Label>
            <Select id="f-direction" value={draft.direction} onChange={(e) => set("direction", e.target.value)}>
              <option value="">All</option>
              {DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {directionLabel(d)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-answered">Answered</Label>
            <Select id="f-answered" value={draft.answered} onChange={(e) => set("answered", e.target.value)}>
              <option value="">All</option>
              <option value="yes">Answered</option>
              <option value="no">Not answered</option>
            </Select>
          </div>
          <MultiSelect label="Extension" options={options.extensions.map((x) => ({ value: x, label: x }))} value={draft.extension} onChange={(v) => set("extension", v)} />
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-q">Number</Label>
            <Input
              id="f-q"
              type="search"
              inputMode="tel"
              placeholder="Part of any number"
              value={draft.q}
              onChange={(e) => set("q", e.target.value)}
              className="w-56"
            />
          </div>
          <Button
            type="button"
            variant="outline"
            aria-expanded={moreOpen}
            aria-controls="f-more"
            onClick={() => setMoreOpen((o) => !o)}
          >
            <SlidersHorizontal aria-hidden className="size-4" />
            More filters{moreCount > 0 ? ` (${moreCount})` : ""}
          </Button>
          <Button type="submit">Apply</Button>
        </div>

        {moreOpen && (
          <div id="f-more" className="flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3">
            <MultiSelect
              label="Call method"
              options={CALL_METHOD_OPTIONS.map((m) => ({ value: String(m.code), label: m.label }))}
              value={draft.callMethod}
              onChange={(v) => set("callMethod", v)}
            />
            <MultiSelect label="Hangup cause" options={causeOptions} value={draft.hangupCause} onChange={(v) => set("hangupCause", v)} />
            <MultiSelect label="Hung up by" options={hangupDirections} value={draft.hangupDirection} onChange={(v) => set("hangupDirection", v)} />
            <div className="flex flex-col gap-1">
              <Label htmlFor="f-agent">Agent</Label>
              <Input id="f-agent" list="f-agent-list" value={draft.agent} onChange={(e) => set("agent", e.target.value)} className="w-32" autoComplete="off" />
              <datalist id="f-agent-list">
                {options.agents.map((a) => (
                  <option key={a} value={a} />
                ))}
              </datalist>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="f-member">Member id</Label>
              <Input id="f-member" value={draft.memberId} onChange={(e) => set("memberId", e.target.value)} className="w-32" />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="f-customer">Customer id</Label>
              <Input id="f-customer" value={draft.customerId} onChange={(e) => set("customerId", e.target.value)} className="w-32" />
            </div>
            <fieldset className="flex flex-col gap-1">
              <legend className="mb-1 text-xs font-medium text-slate-700">Talk time, seconds</legend>
              <div className="flex items-center gap-1.5">
                <Input
                  aria-label="Talk time at least (seconds)"
                  type="number"
                  min={0}
                  placeholder="min"
                  value={draft.billSecMin}
                  onChange={(e) => set("billSecMin", e.target.value)}
                  className="w-20"
                />
                <span aria-hidden className="text-slate-500">
                  –
                </span>
                <Input
                  aria-label="Talk time at most (seconds)"
                  type="number"
                  min={0}
                  placeholder="max"
                  value={draft.billSecMax}
                  onChange={(e) => set("billSecMax", e.target.value)}
                  className="w-20"
                />
              </div>
            </fieldset>
            <div className="flex flex-col gap-1">
              <Label htmlFor="f-recording">Recording</Label>
              <Select id="f-recording" value={draft.hasRecording} onChange={(e) => set("hasRecording", e.target.value)}>
                <option value="">Any</option>
                <option value="yes">Has a recording</option>
                <option value="no">No recording</option>
              </Select>
            </div>
            <MultiSelect
              label="Source"
              options={CALL_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) }))}
              value={draft.source}
              onChange={(v) => set("source", v)}
            />
          </div>
        )}
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </form>

      {chips.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 px-3 py-2" aria-label="Active filters" role="group">
          {chips.map((chip) => (
            <span key={chip.key} className="inline-flex items-center gap-1 rounded-full bg-sky-50 py-0.5 pl-2.5 pr-1 text-xs text-sky-900 ring-1 ring-sky-200">
              <span>
                <span className="font-medium">{chip.name}:</span> {chip.value}
              </span>
              {/* Named by its text, not aria-label, so getByLabel("Direction") still finds only the field. */}
              <button
                type="button"
                className="rounded-full p-0.5 hover:bg-sky-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-600"
                onClick={() => go(chip.without(filter))}
              >
                <X aria-hidden className="size-3.5" />
                <span className="sr-only">
                  Remove filter {chip.name}: {chip.value}
                </span>
              </button>
            </span>
          ))}
          <button type="button" className="ml-1 text-xs font-medium text-sky-800 underline-offset-2 hover:underline" onClick={() => go({})}>
            Clear all
          </button>
        </div>
      )}
    </section>
  );
}

function toDraft(f: CallFilter, tz: string): Draft {
  return {
    preset: f.from === undefined && f.to === undefined ? "all" : (matchPreset(f.from, f.to, tz) ?? "custom"),
    from: toLocalInput(f.from, tz),
    to: toLocalInput(f.to, tz),
    direction: f.direction ?? "",
    answered: f.answered ?? "",
    q: f.q ?? "",
    extension: f.extension,
    callMethod: f.callMethod.map(String),
    hangupCause: f.hangupCause.map(String),
    hangupDirection: f.hangupDirection,
    agent: f.agent ?? "",
    memberId: f.memberId ?? "",
    customerId: f.customerId ?? "",
    billSecMin: f.billSecMin === undefined ? "" : String(f.billSecMin),
    billSecMax: f.billSecMax === undefined ? "" : String(f.billSecMax),
    hasRecording: f.hasRecording ?? "",
    source: f.source,
  };
}

function rangeOf(d: Draft, tz: string): { from?: number; to?: number } | { error: string } {
  if (d.preset === "all") return {};
  if (d.preset !== "custom") return presetRange(d.preset, tz);
  const from = fromLocalInput(d.from, tz);
  const to = fromLocalInput(d.to, tz);
  if (from === null && to === null) return { error: "Enter a start or an end for the custom range." };
  if (from !== null && to !== null && from >= to) return { error: "The end of the range must be after its start." };
  return { from: from ?? undefined, to: to ?? undefined };
}

/** Filters that live behind "More filters", counted so the button says how many are active. */
function countMore(f: CallFilter): number {
  return [
    f.callMethod.length > 0,
    f.hangupCause.length > 0,
    f.hangupDirection.length > 0,
    f.agent,
    f.memberId,
    f.customerId,
    f.billSecMin !== undefined || f.billSecMax !== undefined,
    f.hasRecording,
    f.source.length > 0,
  ].filter(Boolean).length;
}

type Chip = { key: string; name: string; value: string; without: (f: CallFilter) => Partial<CallFilter> };

function activeChips(f: CallFilter, tz: string, options: CallFilterOptions, hangupDirections: { value: string; label: string }[]): Chip[] {
  const chips: Chip[] = [];
  const one = (key: keyof CallFilter, name: string, value: string) =>
    chips.push({ key, name, value, without: (x) => ({ ...x, [key]: undefined }) });
  const many = <T extends string | number>(key: keyof CallFilter, name: string, values: T[], label: (v: T) => string) => {
    for (const v of values) {
      chips.push({
        key: `${key}:${v}`,
        name,
        value: label(v),
        without: (x) => ({ ...x, [key]: (x[key] as T[]).filter((y) => y !== v) }),
      });
    }
  };

  if (f.from !== undefined || f.to !== undefined) {
    const preset = matchPreset(f.from, f.to, tz);
    const label = preset
      ? RANGE_PRESETS.find((p) => p.id === preset)!.label
      : `${f.from !== undefined ? formatCallTime(f.from, tz) : "…"} → ${f.to !== undefined ? formatCallTime(f.to, tz) : "…"}`;
    chips.push({ key: "range", name: "Time", value: label, without: (x) => ({ ...x, from: undefined, to: undefined }) });
  }
  if (f.direction) one("direction", "Direction", directionLabel(f.direction));
  if (f.answered) one("answered", "Answered", f.answered === "yes" ? "Answered" : "Not answered");
  many("extension", "Extension", f.extension, (v) => v);
  if (f.q) one("q", "Number", f.q);
  many("callMethod", "Method", f.callMethod, (v) => callMethodLabel(v));
  many("hangupCause", "Hangup cause", f.hangupCause, (v) => options.hangupCauses.find((c) => c.code === v)?.label ?? String(v));
  many("hangupDirection", "Hung up by", f.hangupDirection, (v) => hangupDirections.find((d) => d.value === v)?.label ?? v);
  if (f.agent) one("agent", "Agent", f.agent);
  if (f.memberId) one("memberId", "Member id", f.memberId);
  if (f.customerId) one("customerId", "Customer id", f.customerId);
  if (f.billSecMin !== undefined || f.billSecMax !== undefined) {
    const value =
      f.billSecMin !== undefined && f.billSecMax !== undefined
        ? `${f.billSecMin}–${f.billSecMax} s`
        : f.billSecMin !== undefined
          ? `≥ ${f.billSecMin} s`
          : `≤ ${f.billSecMax} s`;
    chips.push({ key: "billSec", name: "Talk time", value, without: (x) => ({ ...x, billSecMin: undefined, billSecMax: undefined }) });
  }
  if (f.hasRecording) one("hasRecording", "Recording", f.hasRecording === "yes" ? "Has a recording" : "No recording");
  many("source", "Source", f.source, sourceLabel);
  return chips;
}

function toLocalInput(ms: number | undefined, tz: string): string {
  return ms === undefined ? "" : formatZonedTime(ms, tz).replace(" ", "T");
}

function fromLocalInput(value: string, tz: string): number | null {
  if (!value) return null;
  const text = value.replace("T", " ");
  return parseZonedTime(text.length === 16 ? `${text}:00` : text, tz);
}
