/** Talk-time buckets in seconds, inclusive; max null = no upper bound. They map to the filter's billSecMin/Max. */
export const TALK_TIME_BUCKETS = [
  { label: "0 s", minSec: 0, maxSec: 0 },
  { label: "1–10 s", minSec: 1, maxSec: 10 },
  { label: "11–30 s", minSec: 11, maxSec: 30 },
  { label: "31–60 s", minSec: 31, maxSec: 60 },
  { label: "1–2 m", minSec: 61, maxSec: 120 },
  { label: "2–5 m", minSec: 121, maxSec: 300 },
  { label: "5–10 m", minSec: 301, maxSec: 600 },
  { label: "10–30 m", minSec: 601, maxSec: 1800 },
  { label: "30 m +", minSec: 1801, maxSec: null },
] as const;

export function billSecBucket(billSec: number): number {
  for (let i = 0; i < TALK_TIME_BUCKETS.length - 1; i++) if (billSec <= TALK_TIME_BUCKETS[i]!.maxSec!) return i;
  return TALK_TIME_BUCKETS.length - 1;
}
