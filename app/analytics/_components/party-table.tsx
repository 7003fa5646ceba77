"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";

/** A row: its key (null: none recorded) and the link to its calls. */
export type PartyRowView = {
  key: string | null;
  href: string | null;
  calls: number;
  answered: number;
  answerRate: number | null;
  talkSec: number;
  avgTalkSec: number | null;
};

const COLUMNS = [
  { id: "label", header: "", numeric: false },
  { id: "calls", header: "Calls", numeric: true },
  { id: "answered", header: "Answered", numeric: true },
  { id: "answerRate", header: "Answer rate", numeric: true },
  { id: "talkSec", header: "Talk time", numeric: true },
  { id: "avgTalkSec", header: "Avg talk", numeric: true },
] as const;
type SortKey = (typeof COLUMNS)[number]["id"];
/** Rows shown before "Show all": a scroll box of 200 extensions made the page 400 KB of HTML for 14 visible rows. */
const FIRST_ROWS = 25;
const numericOrder = new Intl.Collator("en", { numeric: true }).compare;

/**
 * Aggregated rows per extension or agent, sorted in the browser (they are already aggregated on the server); the first
 * FIRST_ROWS of the order are drawn until the supervisor asks for all.
 */
export function PartyTable({ rows, keyHeader, caption }: { rows: PartyRowView[]; keyHeader: string; caption: string }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: "asc" | "desc" }>({ key: "calls", dir: "desc" });
  const [showAll, setShowAll] = useState(false);
  const sorted = useMemo(() => {
    const out = rows.map((r) => ({ ...r, label: r.key ?? "None recorded" }));
    out.sort((a, b) => {
      const av = a[sort.key];
      const bv = b[sort.key];
      // Missing values (no answered call: no average) sort last either way.
      if (av === null || bv === null) return av === bv ? 0 : av === null ? 1 : -1;
      const c = typeof av === "string" ? numericOrder(av, String(bv)) : av - (bv as number);
      return sort.dir === "asc" ? c : -c;
    });
    return out;
  }, [rows, sort]);
  const visible = showAll ? sorted : sorted.slice(0, FIRST_ROWS);
  const noun = keyHeader.toLowerCase() === "agent" ? "agents" : "extensions";

  return (
    <div className="max-h-96 overflow-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}, sortable by each column</caption>
        <thead className="sticky top-0 bg-white">
          <tr className="border-b border-slate-200 text-xs text-slate-600">
            {COLUMNS.map((col) => {
              const active = sort.key === col.id;
              const Icon = !active ? ArrowUpDown : sort.dir === "asc" ? ArrowUp : ArrowDown;
              return (
                <th
                  key={col.id}
                  scope="col"
                  aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
                  className={`py-1 font-medium ${col.numeric ? "text-right" : "text-left"}`}
                >
                  <button
                    type="button"
                    className={`inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 ${active ? "text-slate-900" : ""}`}
                    onClick={() => setSort((s) => ({ key: col.id, dir: s.key === col.id ? (s.dir === "asc" ? "desc" : "asc") : col.numeric ? "desc" : "asc" }))}
                  >
                    {col.header || keyHeader}
                    <Icon aria-hidden className="size-3" />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {visible.map((r) => (
            <tr key={r.key ?? ""} className="relative border-b border-slate-100 last:border-0 hover:bg-slate-50">
              <td className="py-1.5 pr-2">
                {r.href ? (
                  <Link
                    href={r.href}
                    prefetch={false}
                    className="text-sky-800 after:absolute after:inset-0 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
                  >
                    {r.label}
                  </Link>
                ) : (
                  <span className="text-slate-600">{r.label}</span>
                )}
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums">{r.calls.toLocaleString("en-US")}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{r.answered.toLocaleString("en-US")}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{r.answerRate === null ? "–" : `${(r.answerRate * 100).toFixed(1)}%`}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{hms(r.talkSec)}</td>
              <td className="py-1.5 pl-2 text-right tabular-nums">{r.avgTalkSec === null ? "–" : hms(r.avgTalkSec)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > FIRST_ROWS && (
        <button
          type="button"
          className="mt-1 rounded px-1 py-0.5 text-xs font-medium text-sky-800 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
          onClick={() => setShowAll((v) => !v)}
        >
          {showAll ? `Show the first ${FIRST_ROWS}` : `Show all ${sorted.length.toLocaleString("en-US")} ${noun}`}
        </button>
      )}
    </div>
  );
}

function hms(sec: number): string {
  const s = Math.round(sec);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}
