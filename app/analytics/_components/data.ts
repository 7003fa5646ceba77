import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { listHourlyCounts, type RangedFilter } from "@/lib/queries/analytics";

/** Per-hour counts, read once per request and shared by the series and the busy-hours panels. */
export const loadHourlyCounts = cache((filterKey: string, timeZone: string) => listHourlyCounts(getDb(), JSON.parse(filterKey) as RangedFilter, timeZone));

/** Lets the page shell (header, filter bar, skeletons) flush before a panel's synchronous SQLite query runs. */
export function afterShell(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export type PanelProps = { filter: RangedFilter; timeZone: string };
