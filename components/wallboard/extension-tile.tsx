import Link from "next/link";
import { PhoneIncoming, PhoneOutgoing } from "lucide-react";
import type { ExtensionTile as Tile } from "@/lib/queries/live";
import { cn } from "@/lib/utils";
import { formatElapsed } from "./format";
import { STATE_STYLE } from "./state-style";

type Props = { tile: Tile; nowMs: number; callsHref: string };

/** One extension: state (word, icon, colour), time in state, and the other party of the current call. */
export function ExtensionTile({ tile, nowMs, callsHref }: Props) {
  const style = STATE_STYLE[tile.state];
  const Icon = style.icon;
  const busy = tile.state === "ringing" || tile.state === "talking";
  const elapsed = tile.sinceMs == null ? null : nowMs - tile.sinceMs;
  return (
    <li data-extension={tile.extension} data-state={tile.state}>
      <Link
        href={callsHref}
        className={cn(
          "flex h-full flex-col gap-1.5 rounded-lg border-2 p-3 transition-colors hover:border-sky-600 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 focus-visible:ring-offset-2",
          style.tile,
        )}
      >
        <span className="flex items-center justify-between gap-2">
          <span className="text-lg font-semibold tabular-nums text-slate-900">
            <span className="sr-only">Extension </span>
            {tile.extension}
          </span>
          <span className={cn("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold", style.badge)}>
            <Icon aria-hidden className={cn("size-3.5", tile.state === "ringing" && "motion-safe:animate-pulse")} />
            {style.label}
          </span>
        </span>
        {tile.state === "unknown" ? (
          // Not a timer: nothing says the call is still going, only that its hangup never arrived.
          <span className="flex min-h-8 items-center text-base font-medium text-slate-800">No hangup received</span>
        ) : (
          <span className="text-2xl font-semibold tabular-nums text-slate-900" title={elapsed == null ? undefined : "Time in this state"}>
            {elapsed == null ? <span className="text-base font-normal text-slate-600">No status yet</span> : formatElapsed(elapsed)}
            {elapsed != null && <span className="sr-only"> in this state</span>}
          </span>
        )}
        <span className="min-h-5 text-sm text-slate-700">
          {busy && tile.otherNumber ? (
            <span className="inline-flex max-w-full items-center gap-1 truncate tabular-nums">
              {tile.direction === "inbound" ? (
                <PhoneIncoming aria-hidden className="size-3.5 shrink-0" />
              ) : (
                <PhoneOutgoing aria-hidden className="size-3.5 shrink-0" />
              )}
              <span className="sr-only">{tile.direction === "inbound" ? "Call from" : "Call to"} </span>
              {tile.otherNumber}
            </span>
          ) : tile.state === "unknown" ? (
            <span className="tabular-nums">Last event {formatElapsed(elapsed)} ago</span>
          ) : tile.detail ? (
            tile.detail
          ) : null}
        </span>
      </Link>
    </li>
  );
}
