"use client";

import { ChevronDown } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/lib/utils";

export type Option = { value: string; label: string };

type Props = {
  label: string;
  options: Option[];
  value: string[];
  onChange: (value: string[]) => void;
  /** Text of the button when nothing is chosen. */
  allText?: string;
  className?: string;
};

/** A compact multi-choice: a button that opens a checkbox list (with a search box when the list is long). */
export function MultiSelect({ label, options, value, onChange, allText = "All", className }: Props) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const root = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  // Values in the URL that the option list does not know (an old extension) stay visible and removable.
  const all = [...options, ...value.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: v }))];
  const needle = search.trim().toLowerCase();
  const shown = needle ? all.filter((o) => o.label.toLowerCase().includes(needle) || o.value.includes(needle)) : all;
  const summary = value.length === 0 ? allText : value.length === 1 ? (all.find((o) => o.value === value[0])?.label ?? value[0]) : `${value.length} selected`;

  function toggle(v: string) {
    onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  }

  return (
    <div
      ref={root}
      className={cn("relative flex flex-col gap-1", className)}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <span id={`${id}-label`} className="text-xs font-medium text-slate-700">
        {label}
      </span>
      <button
        type="button"
        aria-labelledby={`${id}-label ${id}-value`}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((o) => !o)}
        className="flex h-9 min-w-36 max-w-56 items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-2.5 text-left text-sm text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-600"
      >
        <span id={`${id}-value`} className={cn("truncate", value.length === 0 && "text-slate-600")}>
          {summary}
        </span>
        <ChevronDown aria-hidden className="size-4 shrink-0 text-slate-500" />
      </button>
      {open && (
        <div id={`${id}-panel`} className="absolute left-0 top-full z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          {all.length > 10 && (
            <input
              type="search"
              aria-label={`Search ${label.toLowerCase()}`}
              placeholder="Search…"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              className="mb-2 h-8 w-full rounded border border-slate-300 px-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-600"
            />
          )}
          <fieldset className="max-h-64 overflow-y-auto">
            <legend className="sr-only">{label}</legend>
            {shown.length === 0 && <p className="px-1 py-2 text-sm text-slate-600">No match.</p>}
            {shown.map((o) => (
              <label key={o.value} className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-50">
                <input type="checkbox" className="size-4 accent-sky-700" checked={value.includes(o.value)} onChange={() => toggle(o.value)} />
                <span className="truncate">{o.label}</span>
              </label>
            ))}
          </fieldset>
          <div className="mt-2 flex justify-between border-t border-slate-100 pt-2">
            <button type="button" className="text-xs font-medium text-sky-800 hover:underline" onClick={() => onChange([])}>
              Select none
            </button>
            <button type="button" className="text-xs font-medium text-sky-800 hover:underline" onClick={() => setOpen(false)}>
              Done
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
