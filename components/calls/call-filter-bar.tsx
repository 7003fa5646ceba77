"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { RANGE_PRESETS, matchPreset, presetRange, type RangePreset } from "@/lib/filters/time-range";
import { formatZonedTime, parseZonedTime } from "@/lib/time";

type Props = {
  displayTz: string;
  initial: { from?: number; to?: number; direction?: string; q?: string };
  /** Search params to keep when the bar changes (filters it does not edit yet). */
  keep: [string, string][];
};

/** The filter bar: every change becomes the URL, so a link reproduces the view and Back/Forward work. */
export function CallFilterBar({ displayTz, initial, keep }: Props) {
  const router = useRouter();
  const [preset, setPreset] = useState<RangePreset | "all" | "custom">(
    initial.from === undefined && initial.to === undefined ? "all" : (matchPreset(initial.from, initial.to, displayTz) ?? "custom"),
  );
  const [from, setFrom] = useState(toLocalInput(initial.from, displayTz));
  const [to, setTo] = useState(toLocalInput(initial.to, displayTz));
  const [direction, setDirection] = useState(initial.direction ?? "");
  const [q, setQ] = useState(initial.q ?? "");
  const [error, setError] = useState<string | null>(null);

  function apply(event?: React.FormEvent, override?: { preset?: typeof preset }) {
    event?.preventDefault();
    const chosen = override?.preset ?? preset;
    const params = new URLSearchParams(keep);
    if (chosen !== "all" && chosen !== "custom") {
      const r = presetRange(chosen, displayTz);
      params.set("from", new Date(r.from).toISOString());
      params.set("to", new Date(r.to).toISOString());
    } else if (chosen === "custom") {
      const fromMs = fromLocalInput(from, displayTz);
      const toMs = fromLocalInput(to, displayTz);
      if (fromMs === null && toMs === null) {
        setError("Enter a start or an end for the custom range.");
        return;
      }
      if (fromMs !== null && toMs !== null && fromMs >= toMs) {
        setError("The end of the range must be after its start.");
        return;
      }
      if (fromMs !== null) params.set("from", new Date(fromMs).toISOString());
      if (toMs !== null) params.set("to", new Date(toMs).toISOString());
    }
    if (direction) params.set("direction", direction);
    if (q.trim()) params.set("q", q.trim());
    setError(null);
    const query = params.toString();
    router.push(query ? `/calls?${query}` : "/calls");
  }

  return (
    <form onSubmit={apply} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="Filters">
      <div className="flex flex-col gap-1">
        <Label htmlFor="f-range">Time range</Label>
        <Select
          id="f-range"
          value={preset}
          onChange={(e) => {
            const next = e.target.value as typeof preset;
            setPreset(next);
            if (next !== "custom") apply(undefined, { preset: next });
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
      {preset === "custom" && (
        <>
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-from">From ({displayTz})</Label>
            <Input id="f-from" type="datetime-local" step={1} value={from} onChange={(e) => setFrom(e.target.value)} className="w-52" />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-to">To ({displayTz})</Label>
            <Input id="f-to" type="datetime-local" step={1} value={to} onChange={(e) => setTo(e.target.value)} className="w-52" />
          </div>
        </>
      )}
      <div className="flex flex-col gap-1">
        <Label htmlFor="f-direction">Direction</Label>
        <Select id="f-direction" value={direction} onChange={(e) => setDirection(e.target.value)}>
          <option value="">All</option>
          <option value="inbound">Inbound</option>
          <option value="outbound">Outbound</option>
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="f-q">Number</Label>
        <Input id="f-q" type="search" inputMode="tel" placeholder="Display or destination number" value={q} onChange={(e) => setQ(e.target.value)} className="w-60" />
      </div>
      <Button type="submit">Apply</Button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}

function toLocalInput(ms: number | undefined, tz: string): string {
  return ms === undefined ? "" : formatZonedTime(ms, tz).replace(" ", "T");
}

function fromLocalInput(value: string, tz: string): number | null {
  if (!value) return null;
  const text = value.replace("T", " ");
  return parseZonedTime(text.length === 16 ? `${text}:00` : text, tz);
}
