import type { CallFilterOptions } from "@/lib/queries/filter-options";
import { formatCallTime, formatZonedTime, parseZonedTime } from "@/lib/time";
import { callFilterSchema, parseCallFilter, toSearchParams, type CallFilter } from "./call-filter";
import { CALL_FILTER_FIELDS, type FilterField, type FilterKey, type Option } from "./call-filter-fields";
import { RANGE_PRESETS, matchPreset, presetRange, type RangePreset } from "./time-range";

/*
 * What the filter bar does with the description, for every field by its kind: the draft its inputs edit, the filter
 * a draft applies, the chips of a filter and the "More filters" count. Pure, so the round trip is tested.
 */

export type RangeChoice = "all" | RangePreset | "custom";

/**
 * The bar's inputs by URL key, as typed: URL text, except the custom range, which is wall-clock time in the display
 * zone (`yyyy-mm-ddThh:mm:ss`, a datetime-local input's value).
 */
export type Draft = {
  range: RangeChoice;
  values: Partial<Record<Exclude<FilterKey, ListKey>, string>>;
  lists: Partial<Record<ListKey, string[]>>;
};

/** An active filter value. Removing it deletes `removes` from the URL, or only the value `only` of a list. */
export type Chip = { id: string; name: string; value: string; removes: readonly FilterKey[]; only?: string };

export function toDraft(filter: CallFilter, tz: string): Draft {
  const params = toSearchParams(filter);
  const draft: Draft = { range: "all", values: {}, lists: {} };
  for (const field of CALL_FILTER_FIELDS) {
    if (field.kind === "multi") {
      draft.lists[field.key] = params.getAll(field.key);
    } else if (field.kind === "time") {
      const [from, to] = field.keys;
      draft.range = filter[from] === undefined && filter[to] === undefined ? "all" : (matchPreset(filter[from], filter[to], tz) ?? "custom");
      draft.values[from] = toLocalInput(filter[from], tz);
      draft.values[to] = toLocalInput(filter[to], tz);
    } else {
      for (const key of field.keys) draft.values[key] = params.get(key) ?? "";
    }
  }
  return draft;
}

/** The filter a draft asks for (view keys at their defaults), or what to fix first. */
export function fromDraft(draft: Draft, tz: string): { filter: CallFilter } | { error: string } {
  const raw: Record<string, string | string[]> = {};
  for (const field of CALL_FILTER_FIELDS) {
    const error = write(field, draft, tz, raw);
    if (error) return { error };
  }
  // The schema has the last word (a 65-character number), so Apply never makes a link the page refuses.
  const parsed = callFilterSchema.safeParse(raw);
  if (parsed.success) return { filter: parsed.data };
  const issue = parsed.error.issues[0];
  const field = CALL_FILTER_FIELDS.find((f) => f.keys.some((key) => key === issue?.path[0]));
  return { error: `${field?.label ?? "Filter"}: ${issue?.message}.` };
}

export function activeChips(filter: CallFilter, tz: string, options: CallFilterOptions): Chip[] {
  const params = toSearchParams(filter);
  return CALL_FILTER_FIELDS.flatMap((field): Chip[] => {
    const chip = (value: string, only?: string): Chip => ({ id: `${field.keys.join("-")}:${only ?? ""}`, name: field.chip, value, removes: field.keys, only });
    switch (field.kind) {
      case "time": {
        const [from, to] = field.keys;
        return filter[from] === undefined && filter[to] === undefined ? [] : [chip(rangeText(filter[from], filter[to], tz))];
      }
      case "seconds": {
        const [min, max] = field.keys.map((key) => params.get(key));
        if (min == null && max == null) return [];
        return [chip(min != null && max != null ? `${min}–${max} s` : min != null ? `≥ ${min} s` : `≤ ${max} s`)];
      }
      case "text": {
        const value = params.get(field.key);
        return value === null ? [] : [chip(value)];
      }
      case "choice":
      case "multi": {
        const choices = field.options(options);
        return params.getAll(field.key).map((v) => chip(labelOf(choices, v), field.kind === "multi" ? v : undefined));
      }
    }
  });
}

export function withoutChip(filter: CallFilter, chip: Chip): CallFilter {
  const params = toSearchParams(filter);
  for (const key of chip.removes) params.delete(key, chip.only);
  return parseCallFilter(params);
}

/** How many filters behind "More filters" are active, so the closed button says so. */
export function countMore(filter: CallFilter): number {
  const params = toSearchParams(filter);
  return CALL_FILTER_FIELDS.filter((f) => f.more && f.keys.some((key) => params.has(key))).length;
}

/** A value of the range select (options carry plain strings). */
export function rangeChoice(value: string): RangeChoice {
  return RANGE_CHOICES.find((c) => c === value) ?? "custom";
}

type ListKey = Extract<FilterField, { kind: "multi" }>["key"];

const RANGE_CHOICES: readonly RangeChoice[] = ["all", ...RANGE_PRESETS.map((p) => p.id), "custom"];

/** Puts a field's draft into `raw` as URL values; returns what is wrong with it, if anything. */
function write(field: FilterField, draft: Draft, tz: string, raw: Record<string, string | string[]>): string | undefined {
  switch (field.kind) {
    case "time": {
      const [fromKey, toKey] = field.keys;
      const range = rangeOf(draft.range, draft.values[fromKey], draft.values[toKey], tz);
      if ("error" in range) return range.error;
      if (range.from !== undefined) raw[fromKey] = new Date(range.from).toISOString();
      if (range.to !== undefined) raw[toKey] = new Date(range.to).toISOString();
      return;
    }
    case "seconds": {
      const [minKey, maxKey] = field.keys;
      const min = wholeSeconds(draft.values[minKey]);
      const max = wholeSeconds(draft.values[maxKey]);
      if (Number.isNaN(min) || Number.isNaN(max) || (min !== undefined && max !== undefined && min > max)) {
        return `${field.label}: enter whole seconds, the minimum not above the maximum.`;
      }
      if (min !== undefined) raw[minKey] = String(min);
      if (max !== undefined) raw[maxKey] = String(max);
      return;
    }
    case "multi":
      raw[field.key] = draft.lists[field.key] ?? [];
      return;
    case "choice":
    case "text": {
      const value = draft.values[field.key]?.trim();
      if (value) raw[field.key] = value;
      return;
    }
  }
}

function rangeOf(range: RangeChoice, fromText: string | undefined, toText: string | undefined, tz: string): { from?: number; to?: number } | { error: string } {
  if (range === "all") return {};
  if (range !== "custom") return presetRange(range, tz);
  const from = fromLocalInput(fromText, tz);
  const to = fromLocalInput(toText, tz);
  if (from === null && to === null) return { error: "Enter a start or an end for the custom range." };
  if (from !== null && to !== null && from >= to) return { error: "The end of the range must be after its start." };
  return { from: from ?? undefined, to: to ?? undefined };
}

function rangeText(from: number | undefined, to: number | undefined, tz: string): string {
  const preset = matchPreset(from, to, tz);
  if (preset) return RANGE_PRESETS.find((p) => p.id === preset)?.label ?? preset;
  return `${from !== undefined ? formatCallTime(from, tz) : "…"} → ${to !== undefined ? formatCallTime(to, tz) : "…"}`;
}

/** Whole seconds from a number box: undefined when empty, NaN when not a count. */
function wholeSeconds(text = ""): number | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return n >= 0 ? Math.floor(n) : NaN;
}

function labelOf(options: Option[], value: string): string {
  return options.find((o) => o.value === value)?.label ?? value;
}

function toLocalInput(ms: number | undefined, tz: string): string {
  return ms === undefined ? "" : formatZonedTime(ms, tz).replace(" ", "T");
}

function fromLocalInput(value: string | undefined, tz: string): number | null {
  if (!value) return null;
  const text = value.replace("T", " ");
  return parseZonedTime(text.length === 16 ? `${text}:00` : text, tz);
}
