"use client";

import { ArrowDown, ArrowUp, ArrowUpDown, Columns3, Download, Mic } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/input";
import { PAGE_SIZES, toSearchParams, type CallFilter } from "@/lib/filters/call-filter";
import { formatCallTime, formatDuration } from "@/lib/time";
import { cn } from "@/lib/utils";
import { callMethodLabel, directionLabel } from "@/lib/calls";
import type { CallListItem } from "@/lib/queries/calls";

/** A table row: the API shape plus the hangup labels the server resolved (they are editable settings). */
export type CallTableRow = CallListItem & { hangupCauseLabel: string; hangupDirectionLabel: string };

type Props = {
  rows: CallTableRow[];
  total: number;
  /** False when the total is a lower bound (a common number-search term over a long range). */
  totalExact: boolean;
  filter: CallFilter;
  displayTz: string;
  zoneLabel: string;
};

type SortKey = CallFilter["sort"];
type Column = {
  id: string;
  label: string;
  sort?: SortKey;
  align?: "right";
  /** Always shown: the start time is the link to the call. */
  fixed?: boolean;
  cell: (c: CallTableRow, tz: string) => React.ReactNode;
};

const dash = <span className="text-slate-500">—</span>;
const orDash = (v: string | number | null | undefined) => (v === null || v === undefined || v === "" ? dash : v);

const COLUMNS: Column[] = [
  {
    id: "start",
    label: "Start",
    sort: "startedAt",
    fixed: true,
    cell: (c, tz) => (
      <Link
        href={`/calls/${c.id}`}
        className="font-medium text-sky-800 underline-offset-2 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-600"
      >
        {formatCallTime(Date.parse(c.startTime!), tz)}
      </Link>
    ),
  },
  {
    id: "direction",
    label: "Direction",
    cell: (c) => (c.direction ? <Badge tone={c.direction === "inbound" ? "blue" : undefined}>{directionLabel(c.direction)}</Badge> : dash),
  },
  { id: "method", label: "Method", cell: (c) => orDash(callMethodLabel(c.callMethod)) },
  { id: "extension", label: "Extension", sort: "extension", cell: (c) => orDash(c.extension) },
  { id: "agent", label: "Agent", cell: (c) => orDash(c.agent) },
  { id: "display", label: "Display number", cell: (c) => orDash(c.displayNumber) },
  { id: "dest", label: "Destination", cell: (c) => orDash(c.destNumber) },
  { id: "wait", label: "Wait", sort: "durationSec", align: "right", cell: (c) => orDash(formatDuration(c.duration)) },
  {
    id: "talk",
    label: "Talk time",
    sort: "billSec",
    align: "right",
    cell: (c) =>
      c.answered ? (
        formatDuration(c.billsec)
      ) : (
        <Badge tone="amber" className="whitespace-nowrap">
          Not answered
        </Badge>
      ),
  },
  { id: "cause", label: "Hangup cause", sort: "hangupCause", cell: (c) => orDash(c.hangupCauseLabel) },
  { id: "by", label: "Hung up by", cell: (c) => orDash(c.hangupDirectionLabel) },
  {
    id: "recording",
    label: "Recording",
    cell: (c) =>
      c.recordingUrl ? (
        <span className="inline-flex items-center gap-1 text-slate-700">
          <Mic aria-hidden className="size-3.5" /> Yes
        </span>
      ) : (
        dash
      ),
  },
  { id: "sources", label: "Sources", cell: (c) => <span className="text-xs text-slate-600">{c.sources.join(", ")}</span> },
  { id: "customer", label: "Customer id", cell: (c) => orDash(c.customerId) },
  { id: "member", label: "Member id", cell: (c) => orDash(c.memberId) },
];
/** Shown until the supervisor chooses otherwise. */
const DEFAULT_HIDDEN = ["customer", "member", "sources"];
const STORAGE_KEY = "calls.hiddenColumns.v1";

/** Column choice in localStorage, read without a hydration mismatch (the server renders the defaults). */
function useHiddenColumns(): [string[], (next: string[]) => void] {
  const raw = useSyncExternalStore(
    (notify) => {
      window.addEventListener("storage", notify);
      window.addEventListener("calls-columns", notify);
      return () => {
        window.removeEventListener("storage", notify);
        window.removeEventListener("calls-columns", notify);
      };
    },
    () => window.localStorage.getItem(STORAGE_KEY),
    () => null,
  );
  let hidden = DEFAULT_HIDDEN;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (Array.isArray(parsed)) hidden = parsed.filter((x): x is string => typeof x === "string");
  } catch {
    // a hand-edited value: back to the defaults
  }
  const save = (next: string[]) => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    window.dispatchEvent(new Event("calls-columns"));
  };
  return [hidden, save];
}

/** The bills table: server-sorted and server-paged; the URL holds sort, order, page and page size. */
export function CallTable({ rows, total, totalExact, filter, displayTz, zoneLabel }: Props) {
  const router = useRouter();
  const [hidden, setHidden] = useHiddenColumns();
  const columns = COLUMNS.filter((c) => c.fixed || !hidden.includes(c.id));
  const href = (over: Partial<CallFilter>) => `/calls?${toSearchParams({ ...filter, ...over }).toString()}`;
  // A lower-bound total has no last page: Next stays while pages come back full.
  const lastPage = totalExact ? Math.max(1, Math.ceil(total / filter.pageSize)) : null;
  const hasNext = lastPage === null ? rows.length === filter.pageSize : filter.page < lastPage;
  const firstRow = total === 0 ? 0 : (filter.page - 1) * filter.pageSize + 1;
  const lastRow = (filter.page - 1) * filter.pageSize + rows.length;
  const exportHref = `/api/calls/export?${toSearchParams({ ...filter, page: 1, pageSize: undefined }).toString()}`;

  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-3 py-2">
        <p className="text-sm text-slate-700" aria-live="polite">
          {total === 0 ? (
            "No calls"
          ) : (
            <>
              <span className="tabular-nums">
                {firstRow.toLocaleString("en-US")}–{lastRow.toLocaleString("en-US")}
              </span>{" "}
              of {totalExact ? "" : "more than "}
              <strong data-testid="calls-total">{total.toLocaleString("en-US")}</strong> calls
              {!totalExact && <span className="text-slate-500"> (a longer number narrows the search)</span>}
            </>
          )}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <div className="flex items-center gap-2">
            <Label htmlFor="page-size">Rows per page</Label>
            <Select id="page-size" value={String(filter.pageSize)} onChange={(e) => router.push(href({ pageSize: Number(e.target.value), page: 1 }))}>
              {[...new Set([...PAGE_SIZES, filter.pageSize])].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </div>
          <ColumnsMenu hidden={hidden} onChange={setHidden} />
          <a href={exportHref} className={buttonVariants({ variant: "outline" })} download>
            <Download aria-hidden className="size-4" />
            Export CSV
          </a>
        </div>
      </div>

      {total === 0 || rows.length === 0 ? (
        <EmptyState total={total} firstPageHref={href({ page: 1 })} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              Calls sorted by {COLUMNS.find((c) => c.sort === filter.sort)?.label.toLowerCase()}, {filter.order === "asc" ? "ascending" : "descending"}
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                {columns.map((col) => {
                  const active = col.sort === filter.sort;
                  const label = col.id === "start" ? `Start (${zoneLabel})` : col.label;
                  return (
                    <th
                      key={col.id}
                      scope="col"
                      aria-sort={active ? (filter.order === "asc" ? "ascending" : "descending") : undefined}
                      className={cn("whitespace-nowrap px-3 py-2 font-medium", col.align === "right" && "text-right")}
                    >
                      {col.sort ? (
                        <Link
                          href={href({ sort: col.sort, order: active && filter.order === "desc" ? "asc" : "desc", page: 1 })}
                          className={cn("inline-flex items-center gap-1 hover:text-slate-900", active && "text-slate-900")}
                        >
                          {label}
                          {active ? (
                            filter.order === "asc" ? (
                              <ArrowUp aria-hidden className="size-3.5" />
                            ) : (
                              <ArrowDown aria-hidden className="size-3.5" />
                            )
                          ) : (
                            <ArrowUpDown aria-hidden className="size-3.5 opacity-50" />
                          )}
                        </Link>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((call) => (
                <tr key={call.id} className="hover:bg-slate-50" data-call-id={call.id}>
                  {columns.map((col) => (
                    <td key={col.id} className={cn("whitespace-nowrap px-3 py-2 tabular-nums", col.align === "right" && "text-right")}>
                      {col.cell(call, displayTz)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {total > 0 && (
        <nav aria-label="Pagination" className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 px-3 py-2 text-sm text-slate-700">
          <PageLink href={filter.page > 1 ? href({ page: 1 }) : null} text="First" label="First page" />
          <PageLink href={filter.page > 1 ? href({ page: Math.min(filter.page - 1, lastPage ?? filter.page) }) : null} text="Previous" label="Previous page" />
          <span className="px-1 tabular-nums">
            Page {filter.page.toLocaleString("en-US")}
            {lastPage !== null && ` of ${lastPage.toLocaleString("en-US")}`}
          </span>
          <PageLink href={hasNext ? href({ page: filter.page + 1 }) : null} text="Next" label="Next page" />
          <PageLink href={hasNext && lastPage !== null ? href({ page: lastPage }) : null} text="Last" label="Last page" />
        </nav>
      )}
    </div>
  );
}

function EmptyState({ total, firstPageHref }: { total: number; firstPageHref: string }) {
  if (total > 0) {
    return (
      <div className="p-10 text-center">
        <p className="text-base font-medium text-slate-800">This page is past the last call.</p>
        <Link href={firstPageHref} className="mt-2 inline-block text-sm text-sky-800 underline">
          Go to the first page
        </Link>
      </div>
    );
  }
  return (
    <div className="p-10 text-center">
      <p className="text-base font-medium text-slate-800">No calls match these filters.</p>
      <p className="mx-auto mt-1 max-w-xl text-sm text-slate-600">
        Widen the time range, or remove a filter with the × on its chip above (or “Clear all”). New calls appear here as soon as the vendor sends its bill
        callback or a pull sync stores them; the callback URLs are on the Settings page.
      </p>
    </div>
  );
}

function ColumnsMenu({ hidden, onChange }: { hidden: string[]; onChange: (next: string[]) => void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);
  return (
    <div ref={root} className="relative" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="columns-panel"
        onClick={() => setOpen((o) => !o)}
        className={buttonVariants({ variant: "outline" })}
      >
        <Columns3 aria-hidden className="size-4" />
        Columns
      </button>
      {open && (
        <fieldset id="columns-panel" className="absolute right-0 top-full z-20 mt-1 w-52 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          <legend className="sr-only">Visible columns</legend>
          {COLUMNS.filter((c) => !c.fixed).map((c) => (
            <label key={c.id} className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-50">
              <input
                type="checkbox"
                className="size-4 accent-sky-700"
                checked={!hidden.includes(c.id)}
                onChange={(e) => onChange(e.target.checked ? hidden.filter((h) => h !== c.id) : [...hidden, c.id])}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
      )}
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
    <span aria-disabled="true" className={`${cls} cursor-not-allowed text-slate-500`}>
      {text}
    </span>
  );
}
