import { z } from "zod";
import type { Db } from "@/db/client";
import { HANGUP_CODES } from "@/lib/telephony/hangup-codes";
import { getSetting, putSetting } from "./store";

/** code → label overrides a supervisor edited; the vendor README's labels are the default. */
const hangupLabelOverridesSchema = z.record(z.string().regex(/^\d+$/), z.string().trim().min(1).max(80));
type HangupLabelOverrides = z.infer<typeof hangupLabelOverridesSchema>;

const KEY = "hangup-labels";

/** The effective labels: defaults merged with overrides, as a plain object (safe to pass to client components). */
export function getHangupLabels(db: Db): Record<string, string> {
  const labels: Record<string, string> = Object.fromEntries(HANGUP_CODES.map((c) => [String(c.code), c.en]));
  return { ...labels, ...getSetting(db, KEY, hangupLabelOverridesSchema, {}) };
}

export function getHangupLabelOverrides(db: Db): HangupLabelOverrides {
  return getSetting(db, KEY, hangupLabelOverridesSchema, {});
}

export function putHangupLabelOverrides(db: Db, overrides: HangupLabelOverrides) {
  putSetting(db, KEY, hangupLabelOverridesSchema.parse(overrides));
}

/** "Normal hangup (10001)"; an unknown code as itself; words (/api/cdrs "callee") as they are. */
export function labelHangup(labels: Record<string, string>, value: number | string | null | undefined): string {
  if (value == null || value === "") return "";
  const text = String(value);
  const label = labels[text];
  return label ? `${label} (${text})` : text;
}
