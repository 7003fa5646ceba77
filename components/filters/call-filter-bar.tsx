"use client";

import { SlidersHorizontal, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type ComponentProps, type Dispatch, type SetStateAction } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { toSearchParams, type CallFilter } from "@/lib/filters/call-filter";
import { activeChips, countMore, fromDraft, rangeChoice, toDraft, withoutChip, type Draft } from "@/lib/filters/call-filter-draft";
import { CALL_FILTER_FIELDS, type FilterField } from "@/lib/filters/call-filter-fields";
import { RANGE_PRESETS } from "@/lib/filters/time-range";
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

/**
 * The one filter bar of /calls and /analytics, one control per described field (lib/filters/call-filter-fields.ts).
 * The URL is the state: Apply (or a preset, or removing a chip) pushes the whole parameter set, so a link reproduces
 * the view and Back/Forward/reload keep it.
 */
export function CallFilterBar(props: Props) {
  // A new URL (Back, Forward, a chip) re-seeds the form from the filter it was rendered with.
  return <FilterForm key={toSearchParams({ ...props.filter, page: 1 }).toString()} {...props} />;
}

function FilterForm({ basePath, displayTz, filter, options }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState(() => toDraft(filter, displayTz));
  const moreCount = countMore(filter);
  const [moreOpen, setMoreOpen] = useState(moreCount > 0);
  const [error, setError] = useState<string | null>(null);
  const chips = activeChips(filter, displayTz, options);

  function go(next: Partial<CallFilter>) {
    const params = toSearchParams({ ...next, sort: filter.sort, order: filter.order, pageSize: filter.pageSize, page: 1 });
    const query = params.toString();
    router.push(query ? `${basePath}?${query}` : basePath);
  }

  function apply(d: Draft) {
    const result = fromDraft(d, displayTz);
    setError("error" in result ? result.error : null);
    if ("filter" in result) go(result.filter);
  }

  const controls = (more: boolean) =>
    CALL_FILTER_FIELDS.filter((f) => f.more === more).map((field) => (
      <Control key={field.keys.join("-")} field={field} draft={draft} setDraft={setDraft} apply={apply} options={options} displayTz={displayTz} />
    ));

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
          {controls(false)}
          <Button type="button" variant="outline" aria-expanded={moreOpen} aria-controls="f-more" onClick={() => setMoreOpen((o) => !o)}>
            <SlidersHorizontal aria-hidden className="size-4" />
            More filters{moreCount > 0 ? ` (${moreCount})` : ""}
          </Button>
          <Button type="submit">Apply</Button>
        </div>

        {moreOpen && (
          <div id="f-more" className="flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3">
            {controls(true)}
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
            <span key={chip.id} className="inline-flex items-center gap-1 rounded-full bg-sky-50 py-0.5 pl-2.5 pr-1 text-xs text-sky-900 ring-1 ring-sky-200">
              <span>
                <span className="font-medium">{chip.name}:</span> {chip.value}
              </span>
              {/* Named by its text, not aria-label, so getByLabel("Direction") still finds only the field. */}
              <button
                type="button"
                className="rounded-full p-0.5 hover:bg-sky-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-600"
                onClick={() => go(withoutChip(filter, chip))}
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

type ControlProps = {
  field: FilterField;
  draft: Draft;
  setDraft: Dispatch<SetStateAction<Draft>>;
  /** Choosing a preset range applies at once. */
  apply: (draft: Draft) => void;
  options: CallFilterOptions;
  displayTz: string;
};

type TextKey = Extract<FilterField, { kind: "text" }>["key"];

// How a text filter looks; the description says what it filters.
const TEXT_INPUTS: Partial<Record<TextKey, ComponentProps<typeof Input>>> = {
  q: { type: "search", inputMode: "tel", placeholder: "Part of any number", className: "w-56" },
};

/** The control of one field, by its kind. */
function Control({ field, draft, setDraft, apply, options, displayTz }: ControlProps) {
  const setValue = (key: keyof Draft["values"], value: string) => setDraft((d) => ({ ...d, values: { ...d.values, [key]: value } }));
  const id = `f-${field.keys[0]}`;

  switch (field.kind) {
    case "time": {
      const [from, to] = field.keys;
      return (
        <>
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-range">{field.label}</Label>
            <Select
              id="f-range"
              value={draft.range}
              onChange={(e) => {
                const next = { ...draft, range: rangeChoice(e.target.value) };
                setDraft(next);
                if (next.range !== "custom") apply(next);
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
          {draft.range === "custom" && (
            <>
              <div className="flex flex-col gap-1">
                <Label htmlFor="f-from">From ({displayTz})</Label>
                <Input
                  id="f-from"
                  type="datetime-local"
                  step={1}
                  value={draft.values[from] ?? ""}
                  onChange={(e) => setValue(from, e.target.value)}
                  className="w-52"
                />
              </div>
              <div className="flex flex-col gap-1">
                <Label htmlFor="f-to">To, exclusive ({displayTz})</Label>
                <Input
                  id="f-to"
                  type="datetime-local"
                  step={1}
                  value={draft.values[to] ?? ""}
                  onChange={(e) => setValue(to, e.target.value)}
                  className="w-52"
                />
              </div>
            </>
          )}
        </>
      );
    }
    case "choice":
      return (
        <div className="flex flex-col gap-1">
          <Label htmlFor={id}>{field.label}</Label>
          <Select id={id} value={draft.values[field.key] ?? ""} onChange={(e) => setValue(field.key, e.target.value)}>
            <option value="">{field.allText}</option>
            {field.options(options).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
      );
    case "multi":
      return (
        <MultiSelect
          label={field.label}
          options={field.options(options)}
          value={draft.lists[field.key] ?? []}
          onChange={(value) => setDraft((d) => ({ ...d, lists: { ...d.lists, [field.key]: value } }))}
        />
      );
    case "text": {
      const suggestions = field.suggestions?.(options);
      return (
        <div className="flex flex-col gap-1">
          <Label htmlFor={id}>{field.label}</Label>
          <Input
            id={id}
            className="w-32"
            list={suggestions && `${id}-list`}
            autoComplete={suggestions && "off"}
            {...TEXT_INPUTS[field.key]}
            value={draft.values[field.key] ?? ""}
            onChange={(e) => setValue(field.key, e.target.value)}
          />
          {suggestions && (
            <datalist id={`${id}-list`}>
              {suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          )}
        </div>
      );
    }
    case "seconds": {
      const [min, max] = field.keys;
      return (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-xs font-medium text-slate-700">{field.label}, seconds</legend>
          <div className="flex items-center gap-1.5">
            <Input
              aria-label={`${field.label} at least (seconds)`}
              type="number"
              min={0}
              placeholder="min"
              value={draft.values[min] ?? ""}
              onChange={(e) => setValue(min, e.target.value)}
              className="w-20"
            />
            <span aria-hidden className="text-slate-500">
              –
            </span>
            <Input
              aria-label={`${field.label} at most (seconds)`}
              type="number"
              min={0}
              placeholder="max"
              value={draft.values[max] ?? ""}
              onChange={(e) => setValue(max, e.target.value)}
              className="w-20"
            />
          </div>
        </fieldset>
      );
    }
  }
}
