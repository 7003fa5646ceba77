"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { WifiOff } from "lucide-react";
import type { LiveBoard } from "@/lib/queries/live";
import { formatDuration, formatZonedTime } from "@/lib/time";
import { cn } from "@/lib/utils";
import { ExtensionTile } from "./extension-tile";
import { LatestCalls } from "./latest-calls";
import { liveKeys } from "./live-keys";
import { STATE_ORDER, STATE_STYLE } from "./state-style";

const LIVE_REFRESH_MS = 1000;

class LiveFetchError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

async function fetchBoard(): Promise<LiveBoard> {
  let res: Response;
  try {
    res = await fetch("/api/live", { cache: "no-store", headers: { accept: "application/json" } });
  } catch {
    throw new LiveFetchError("The server cannot be reached.", null);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new LiveFetchError(body?.error?.message ?? `The server answered ${res.status}.`, res.status);
  }
  return (await res.json()) as LiveBoard;
}

/**
 * The wallboard: polls GET /api/live every second (seeded with the server's first render) and ticks the time in state
 * every second in between, on the server's clock (the offset is measured on each answer, so a wrong tablet clock
 * does not skew the timers).
 */
export function Wallboard({ initialData }: { initialData: LiveBoard }) {
  const query = useQuery({
    queryKey: liveKeys.board(),
    queryFn: fetchBoard,
    initialData,
    refetchInterval: LIVE_REFRESH_MS,
    // The next tick is the retry; a backoff would hold a stale board for seconds.
    retry: false,
  });
  const board = query.data;
  const offsetMs = board.nowMs - query.dataUpdatedAt;
  const clientNow = useClientNow();
  // Before the first tick, render with the server's instant: server and hydration output agree.
  const nowMs = clientNow == null ? board.nowMs : clientNow + offsetMs;
  const tz = board.displayTz;
  const error = query.error instanceof LiveFetchError ? query.error : query.error ? new LiveFetchError(query.error.message, null) : null;
  const todayFrom = new Date(board.dayStartMs).toISOString();

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-baseline gap-3">
          <h1 className="text-xl font-semibold text-slate-900">Live</h1>
          <p className="text-sm tabular-nums text-slate-600">
            {formatZonedTime(nowMs, tz).slice(11)} {tz}
          </p>
        </div>
        <ConnectionStatus error={error} updatedAtMs={board.nowMs} tz={tz} />
      </div>

      <section aria-labelledby="today-heading" className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <h2 id="today-heading" className="sr-only">
          Today
        </h2>
        <Counter label="Calls today" value={board.today.calls.toLocaleString("en-US")} />
        <Counter label="Answered" value={board.today.answered.toLocaleString("en-US")} />
        <Counter
          label="Answer rate"
          value={board.today.answerRatePct == null ? "—" : `${board.today.answerRatePct.toFixed(1)}%`}
          hint="Answered = talk time above zero"
        />
        <Counter label="Talk time" value={formatDuration(board.today.talkSec)} hint="h:mm:ss, answered calls" />
      </section>

      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_36rem]">
        <section aria-labelledby="ext-heading" className="rounded-lg border border-slate-200 bg-white">
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-2.5">
            <h2 id="ext-heading" className="text-base font-semibold text-slate-900">
              Extensions
            </h2>
            <ul aria-label="Extensions by state" className="flex flex-wrap gap-1.5 text-xs">
              {STATE_ORDER.filter((s) => s !== "offline" || board.stateCounts.offline > 0).map((state) => (
                <li key={state} className="inline-flex items-center gap-1.5 rounded-full border border-slate-200 bg-white px-2 py-0.5 text-slate-700">
                  <span aria-hidden className={cn("size-2 rounded-full", STATE_STYLE[state].dot)} />
                  {STATE_STYLE[state].label} <strong className="tabular-nums text-slate-900">{board.stateCounts[state]}</strong>
                </li>
              ))}
            </ul>
          </div>
          {board.extensions.length === 0 ? (
            <div className="p-8 text-center">
              <p className="text-base font-medium text-slate-800">No extensions yet.</p>
              <p className="mt-1 text-sm text-slate-600">
                Extensions appear as soon as the vendor sends extension status callbacks (ring, answer, hangup). The address to give the vendor is on{" "}
                <Link href="/settings" className="text-sky-800 underline">
                  Settings
                </Link>
                .
              </p>
            </div>
          ) : (
            <ul aria-label="Extensions" className="grid grid-cols-[repeat(auto-fill,minmax(10.5rem,1fr))] gap-3 p-3">
              {board.extensions.map((tile) => (
                <ExtensionTile
                  key={tile.extension}
                  tile={tile}
                  nowMs={nowMs}
                  callsHref={`/calls?${new URLSearchParams({ extension: tile.extension, from: todayFrom }).toString()}`}
                />
              ))}
            </ul>
          )}
          <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600">
            From the vendor&apos;s status callbacks. A ring or answer with no hangup for 2 hours shows as Unknown. Select an extension to see its calls today.
          </p>
        </section>

        <section aria-labelledby="latest-heading" className="rounded-lg border border-slate-200 bg-white">
          <h2 id="latest-heading" className="border-b border-slate-200 px-4 py-2.5 text-base font-semibold text-slate-900">
            Latest calls
          </h2>
          <LatestCalls calls={board.latestCalls} dayStartMs={board.dayStartMs} displayTz={tz} />
          <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600">
            A call appears when its bill arrives, after hangup.{" "}
            <Link href="/calls" className="text-sky-800 underline">
              All calls
            </Link>
          </p>
        </section>
      </div>
    </div>
  );
}

function Counter({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</p>
      {hint && <p className="text-xs text-slate-600">{hint}</p>}
    </div>
  );
}

function ConnectionStatus({ error, updatedAtMs, tz }: { error: LiveFetchError | null; updatedAtMs: number; tz: string }) {
  if (!error) {
    return (
      <p role="status" className="inline-flex items-center gap-1.5 text-xs text-slate-600">
        <span aria-hidden className="size-2 rounded-full bg-emerald-600" />
        Live, updates every second
      </p>
    );
  }
  return (
    <div role="status" className="inline-flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-950">
      <WifiOff aria-hidden className="size-4" />
      {error.status === 401 ? (
        <span>
          Your session has ended.{" "}
          <a href="/login?next=%2Flive" className="font-medium underline">
            Sign in again
          </a>
        </span>
      ) : (
        <span>
          Updates paused: {error.message} Showing the board of {formatZonedTime(updatedAtMs, tz).slice(11)}; retrying.
        </span>
      )}
    </div>
  );
}

/** Date.now(), every second; null until mounted so that the server render and hydration agree. */
function useClientNow(): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const id = window.setInterval(tick, 1000);
    const first = window.setTimeout(tick, 0);
    return () => {
      window.clearInterval(id);
      window.clearTimeout(first);
    };
  }, []);
  return now;
}
