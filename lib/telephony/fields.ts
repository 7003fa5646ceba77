import { z } from "zod";

import { parseZonedTime } from "@/lib/time";

import type { Direction, HangupSide } from "@/lib/calls";
import { VendorPayloadError } from "./errors";

/*
 * Field codecs shared by every vendor schema. The vendor's types drift between sources and editions
 * (see /shared/vendor-api/README.md): numbers arrive as numeric strings, empty values as "", null or a
 * missing key, custom parameters as "0" when unset. Each codec accepts that drift and rejects values
 * that cannot be what the field means, with a message that quotes the value.
 */

function quote(value: unknown): string {
  if (value === undefined) return "undefined";
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}

const DIGITS = /^\d+$/;

/** A non-negative whole number from a number or a numeric string; undefined when it is not one. */
function toCount(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === "string") {
    const text = value.trim();
    if (!DIGITS.test(text)) return undefined;
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return undefined;
}

function isEmpty(value: unknown): value is undefined | null | "" {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** Required non-negative integer (`billsec`): 14 or "14". */
export const count = z
  .unknown()
  .optional()
  .transform((value, ctx): number => {
    const n = toCount(value);
    if (n === undefined) {
      ctx.addIssue({ code: "custom", message: value === undefined ? "missing" : `${quote(value)} is not a whole number` });
      return z.NEVER;
    }
    return n;
  });

/** Optional non-negative integer (`duration`, `callmethod`, `id`, `hangupcause`, `round`): absent, null or "" → null. */
export const optionalCount = z
  .unknown()
  .optional()
  .transform((value, ctx): number | null => {
    if (isEmpty(value)) return null;
    const n = toCount(value);
    if (n === undefined) {
      ctx.addIssue({ code: "custom", message: `${quote(value)} is not a whole number` });
      return z.NEVER;
    }
    return n;
  });

function textCodec(unset: readonly string[]) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): string | null => {
      if (value === undefined || value === null) return null;
      if (typeof value === "number" && Number.isFinite(value)) return String(value);
      if (typeof value !== "string") {
        ctx.addIssue({ code: "custom", message: `${quote(value)} is not text` });
        return z.NEVER;
      }
      const text = value.trim();
      return text === "" || unset.includes(text) ? null : text;
    });
}

/** Optional text: trimmed, "" → null; a number becomes its decimal text (`companycode` 20000013, `userkey` 1). */
export const text = textCodec([]);

/** A custom parameter (`crmid`/`userid`, `memberid`, `customuuid`, `chengshudu`, `ext`): the vendor fills "0" when unset. */
export const customParam = textCodec(["0"]);

/** The vendor's "no time" spellings. */
const NO_TIME = /^0000-00-00/;
/**
 * Old pushes fill an absent A-side time with "1970-01-01 08:00:00", Unix time zero in Beijing time:
 * it means "none", not a date. No call of ours started in 1970, so any 1970-01-01 time means none.
 */
const EPOCH_PLACEHOLDER = /^1970-01-01/;

function checkTime(text: string): boolean {
  // The zone does not change whether the text is a valid wall-clock time; the normalizer applies the vendor's zone.
  return parseZonedTime(text, "UTC") !== null;
}

const TIME_FORMAT = "is not a time (yyyy-mm-dd hh:mm:ss)";

/** Required vendor wall-clock time `yyyy-mm-dd hh:mm:ss` (no zone), kept as trimmed text. */
export const time = z
  .unknown()
  .optional()
  .transform((value, ctx): string => {
    if (value === undefined || value === null) {
      ctx.addIssue({ code: "custom", message: "missing" });
      return z.NEVER;
    }
    const text = typeof value === "string" ? value.trim() : undefined;
    if (text === undefined || !checkTime(text)) {
      ctx.addIssue({ code: "custom", message: `${quote(value)} ${TIME_FORMAT}` });
      return z.NEVER;
    }
    if (EPOCH_PLACEHOLDER.test(text)) {
      ctx.addIssue({ code: "custom", message: `${quote(value)} is the vendor's "no time" placeholder` });
      return z.NEVER;
    }
    return text;
  });

/** Optional vendor time: absent, null, "", "0000-00-00 00:00:00" and "1970-01-01 …" → null. */
export const optionalTime = z
  .unknown()
  .optional()
  .transform((value, ctx): string | null => {
    if (isEmpty(value)) return null;
    const text = typeof value === "string" ? value.trim() : undefined;
    if (text !== undefined && (NO_TIME.test(text) || EPOCH_PLACEHOLDER.test(text))) return null;
    if (text === undefined || !checkTime(text)) {
      ctx.addIssue({ code: "custom", message: `${quote(value)} ${TIME_FORMAT}` });
      return z.NEVER;
    }
    return text;
  });

/** Reads a vendor time (already checked by `time`) in the vendor's zone as UTC epoch ms. */
export function toMs(field: string, text: string, vendorTz: string): number;
export function toMs(field: string, text: string | null, vendorTz: string): number | null;
export function toMs(field: string, text: string | null, vendorTz: string): number | null {
  if (text === null) return null;
  const ms = parseZonedTime(text, vendorTz);
  if (ms === null) throw new VendorPayloadError(`${field}: ${quote(text)} ${TIME_FORMAT} in ${vendorTz}`, field);
  return ms;
}

/** `callin` / `callout` → our direction; anything else → null (unknown, not an error). */
/**
 * `hangupdirection`: a code in the callbacks and GetBill (10040 caller, 10041 callee, 10015 the request timed out),
 * a word in /api/cdrs ("caller", "callee"). README "Types drift".
 */
export function toHangupSide(value: string | null): HangupSide | null {
  switch (value?.trim().toLowerCase()) {
    case undefined:
    case "":
      return null;
    case "10040":
    case "caller":
      return "caller";
    case "10041":
    case "callee":
      return "callee";
    case "10015":
      return "system";
    default:
      return "other";
  }
}

/**
 * `extnumber`: predictive bills name no agent as "000000" (predictive-outbound-callbacks.md); that and "" are no
 * extension at all.
 */
export function toExtension(value: string | null): string | null {
  return value == null || /^0*$/.test(value.trim()) ? null : value;
}

export function toDirection(value: string | null): Direction | null {
  switch (value?.toLowerCase()) {
    case "callin":
      return "inbound";
    case "callout":
      return "outbound";
    default:
      return null;
  }
}

function kindOf(raw: unknown): string {
  if (raw === null) return "null";
  if (Array.isArray(raw)) return "an array";
  return `a ${typeof raw}`;
}

/**
 * Parses a vendor object with `schema`, turning the first zod issue into a VendorPayloadError that names the field.
 * `what` names the payload in whole-body messages ("bill callback").
 */
export function parseVendor<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new VendorPayloadError(`${what} is ${kindOf(raw)}, not a JSON object`, null);
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue?.path[0];
  const field = typeof key === "string" ? key : null;
  const message = issue?.message ?? "invalid";
  throw new VendorPayloadError(field === null ? `${what}: ${message}` : `${field}: ${message}`, field);
}

/** An integer in a reply envelope (`ret`, `code`, `totalitems`), sent as a number or numeric text. */
export const looseInt = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, "is not a whole number")
    .transform(Number),
]);
