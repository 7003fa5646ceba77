/** Bucket widths of the rollups and charts (UTC: a day is 24 hours here; zoned days are computed in lib/time-buckets). */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
