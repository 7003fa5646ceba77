"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/** "Sync now": starts a run on the server, then refreshes the page while a run holds the lease. */
export function SyncNowButton({ running, configured }: { running: boolean; configured: boolean }) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "starting" | "error">("idle");
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!running && state !== "starting") return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [running, state, router]);

  async function start() {
    setState("starting");
    setMessage(null);
    const res = await fetch("/api/sync", { method: "POST" }).catch(() => null);
    if (!res || (res.status !== 202 && res.status !== 409)) {
      setState("error");
      setMessage(res ? `The server answered ${res.status}.` : "The server could not be reached.");
      return;
    }
    if (res.status === 409) setMessage("A sync is already running.");
    router.refresh();
    setTimeout(() => setState((s) => (s === "starting" ? "idle" : s)), 4000);
  }

  return (
    <div className="flex items-center gap-3">
      <Button onClick={start} disabled={!configured || running || state === "starting"}>
        {running || state === "starting" ? "Syncing…" : "Sync now"}
      </Button>
      <span role="status" className="text-sm text-slate-600">
        {!configured ? "No pull source is configured." : message}
      </span>
    </div>
  );
}

/** Parses a stored payload again; shows what happened. */
export function ReplayButton({ id }: { id: number }) {
  const router = useRouter();
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function replay() {
    setBusy(true);
    const res = await fetch(`/api/inbox/${id}/replay`, { method: "POST" }).catch(() => null);
    setBusy(false);
    if (!res) return setResult("The server could not be reached.");
    if (res.ok) {
      setResult("Stored.");
      router.refresh();
      return;
    }
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    setResult(body?.error?.message ?? `Failed (${res.status}).`);
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <Button variant="outline" size="sm" onClick={replay} disabled={busy} aria-label={`Replay inbox item ${id}`}>
        {busy ? "Replaying…" : "Replay"}
      </Button>
      {result && (
        <span role="status" className="max-w-xs text-xs text-slate-700">
          {result}
        </span>
      )}
    </div>
  );
}
