import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, startOfDay, startOfMonth } from "date-fns";

/** Named ranges of the filter bar, computed in the display zone (a "day" is the supervisor's day). */
export const RANGE_PRESETS = [
  { id: "today", label: "Today" },
  { id: "yesterday", label: "Yesterday" },
  { id: "7d", label: "Last 7 days" },
  { id: "month", label: "This month" },
  { id: "30d", label: "Last 30 days" },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]["id"];

/** [from, to) in UTC ms for a preset at `nowMs`; "last N days" includes today. */
export function presetRange(preset: RangePreset, timeZone: string, nowMs = Date.now()): { from: number; to: number } {
  const today = startOfDay(new TZDate(nowMs, timeZone));
  const tomorrow = addDays(today, 1);
  switch (preset) {
    case "today":
      return { from: today.getTime(), to: tomorrow.getTime() };
    case "yesterday":
      return { from: addDays(today, -1).getTime(), to: today.getTime() };
    case "7d":
      return { from: addDays(today, -6).getTime(), to: tomorrow.getTime() };
    case "month": {
      const first = startOfMonth(today);
      return { from: first.getTime(), to: addMonths(first, 1).getTime() };
    }
    case "30d":
      return { from: addDays(today, -29).getTime(), to: tomorrow.getTime() };
  }
}

/** The preset a range equals, if any, so the bar can show "Yesterday" instead of two timestamps. */
export function matchPreset(from: number | undefined, to: number | undefined, timeZone: string, nowMs = Date.now()): RangePreset | undefined {
  if (from === undefined || to === undefined) return undefined;
  return RANGE_PRESETS.find((p) => {
    const r = presetRange(p.id, timeZone, nowMs);
    return r.from === from && r.to === to;
  })?.id;
}
