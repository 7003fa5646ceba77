import type { CallFilter } from "@/lib/filters/call-filter";
import { toSearchParams } from "@/lib/filters/call-filter";

/** /calls showing the calls behind an aggregate: the page's filters (range included) plus `patch`. */
export function callsHref(filter: CallFilter, patch: Partial<CallFilter>): string {
  return `/calls?${toSearchParams({ ...filter, page: 1, ...patch }).toString()}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** 0.4567 → "45.7%"; null (no calls) → "–". */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  return ratio == null ? "–" : `${(ratio * 100).toFixed(digits)}%`;
}

/** Seconds for people: "42 s", "3 m 05 s", "2 h 04 m". */
export function formatSeconds(sec: number | null | undefined): string {
  if (sec == null || !Number.isFinite(sec)) return "–";
  const s = Math.round(sec);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} m ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600).toLocaleString("en-US")} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} m`;
}
