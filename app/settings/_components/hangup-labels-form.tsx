"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { Plus, RotateCcw, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { cn } from "@/lib/utils";

export type HangupLabelRow = { code: string; en: string | null; zh: string | null; label: string };

type Props = { rows: HangupLabelRow[] };

/**
 * The code → label editor. Edits stay local until Save; Reset puts a row's default back (also only on Save), and a
 * code the vendor list lacks can be added. The server decides what is an override (anything but the default).
 */
export function HangupLabelsForm({ rows: initialRows }: Props) {
  const router = useRouter();
  const [rows, setRows] = useState(initialRows);
  const [saved, setSaved] = useState(() => Object.fromEntries(initialRows.map((r) => [r.code, r.label])));
  const [newCode, setNewCode] = useState("");
  const [newLabel, setNewLabel] = useState("");
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  const dirty = useMemo(() => rows.length !== Object.keys(saved).length || rows.some((r) => saved[r.code] !== r.label.trim()), [rows, saved]);

  function setLabel(code: string, label: string) {
    setRows((rs) => rs.map((r) => (r.code === code ? { ...r, label } : r)));
    setMessage(null);
  }

  function addCode(event: React.FormEvent) {
    event.preventDefault();
    const code = newCode.trim();
    if (!/^(0|[1-9]\d{0,8})$/.test(code)) {
      setMessage({ tone: "error", text: "A hangup code is a number, such as 10032." });
      return;
    }
    if (rows.some((r) => r.code === code)) {
      setMessage({ tone: "error", text: `Code ${code} is already in the table; edit its label there.` });
      return;
    }
    if (!newLabel.trim()) {
      setMessage({ tone: "error", text: "Enter a label for the new code." });
      return;
    }
    setRows((rs) => [...rs, { code, en: null, zh: null, label: newLabel.trim() }].sort((a, b) => Number(a.code) - Number(b.code)));
    setNewCode("");
    setNewLabel("");
    setMessage({ tone: "ok", text: `Code ${code} added. Save to keep it.` });
  }

  async function save() {
    setPending(true);
    setMessage(null);
    try {
      const labels = Object.fromEntries(rows.map((r) => [r.code, r.label.trim()]));
      const res = await fetch("/api/settings/hangup-labels", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ labels }),
      });
      const body = (await res.json().catch(() => null)) as { labels?: Record<string, string>; error?: { message?: string } } | null;
      if (!res.ok || !body?.labels) {
        setMessage({ tone: "error", text: `Not saved: ${body?.error?.message ?? `the server answered ${res.status}`}.` });
        return;
      }
      const effective = body.labels;
      // The server's view wins: an emptied label shows its default again; a custom code without a label is gone.
      const next = rows.filter((r) => r.en != null || effective[r.code] != null).map((r) => ({ ...r, label: effective[r.code] ?? r.en ?? "" }));
      setRows(next);
      setSaved(Object.fromEntries(next.map((r) => [r.code, r.label])));
      setMessage({ tone: "ok", text: "Labels saved. Every page uses them from now on." });
      router.refresh();
    } catch {
      setMessage({ tone: "error", text: "Not saved: the server cannot be reached. Try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Hangup cause labels</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Code
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Default label
              </th>
              <th scope="col" className="w-[40%] px-3 py-2 font-medium">
                Label shown
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => {
              const isDefault = row.en != null && row.label.trim() === row.en;
              const changed = saved[row.code] !== row.label.trim();
              return (
                <tr key={row.code} data-code={row.code} className={changed ? "bg-amber-50" : undefined}>
                  <td className="px-3 py-1.5 tabular-nums text-slate-900">{row.code}</td>
                  <td className="px-3 py-1.5 text-slate-700">
                    {row.en == null ? (
                      <span className="text-slate-600">Not in the vendor&apos;s list</span>
                    ) : (
                      <>
                        {row.en}
                        <span lang="zh" className="ml-2 text-slate-600">
                          {row.zh}
                        </span>
                      </>
                    )}
                  </td>
                  <td className="px-3 py-1.5">
                    <Input
                      aria-label={`Label for code ${row.code}`}
                      value={row.label}
                      maxLength={80}
                      placeholder={row.en ?? `Shown as ${row.code}`}
                      onChange={(e) => setLabel(row.code, e.target.value)}
                      className="h-8"
                    />
                  </td>
                  <td className="whitespace-nowrap px-3 py-1.5 text-right">
                    {row.en != null ? (
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        disabled={isDefault}
                        aria-label={`Reset code ${row.code} to its default label`}
                        onClick={() => setLabel(row.code, row.en ?? "")}
                      >
                        <RotateCcw aria-hidden className="size-3.5" />
                        Reset
                      </Button>
                    ) : (
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        aria-label={`Remove the label of code ${row.code}`}
                        onClick={() => setLabel(row.code, "")}
                      >
                        <Trash2 aria-hidden className="size-3.5" />
                        Remove
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <form onSubmit={addCode} className="flex flex-wrap items-end gap-2" aria-label="Add a hangup code">
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-code">New code</Label>
          <Input id="new-code" inputMode="numeric" value={newCode} onChange={(e) => setNewCode(e.target.value)} placeholder="10032" className="w-28" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-label">Label</Label>
          <Input id="new-label" value={newLabel} maxLength={80} onChange={(e) => setNewLabel(e.target.value)} className="w-64" />
        </div>
        <Button type="submit" variant="outline">
          <Plus aria-hidden className="size-4" />
          Add code
        </Button>
      </form>

      {/* Sticky only while there is something to save, so that Save stays in reach anywhere in the long table. */}
      <div
        className={cn(
          "-mx-4 -mb-4 flex flex-wrap items-center gap-3 rounded-b-lg border-t border-slate-200 bg-white px-4 py-3",
          dirty && "sticky bottom-0 shadow-[0_-4px_12px_-6px_rgba(15,23,42,0.25)]",
        )}
      >
        <Button type="button" onClick={save} disabled={pending || !dirty}>
          {pending ? "Saving…" : "Save labels"}
        </Button>
        <p role="status" className={message?.tone === "error" ? "text-sm text-red-700" : "text-sm text-slate-700"}>
          {message?.text ?? (dirty ? "You have unsaved changes." : "")}
        </p>
      </div>
    </div>
  );
}
