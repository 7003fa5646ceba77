import { z } from "zod";

import { EXTENSION_STATUSES, type ExtensionEvent } from "@/lib/calls";
import { optionalCount, parseVendor, text, toDirection, toExtension } from "./fields";

/** `starttime` of a status callback is Unix time in seconds, sent as text ("1612857945") or a number. */
const unixSeconds = z
  .unknown()
  .optional()
  .transform((value, ctx): number => {
    const digits = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    const seconds = /^\d+$/.test(digits) ? Number(digits) : NaN;
    if (!Number.isSafeInteger(seconds)) {
      ctx.addIssue({ code: "custom", message: value === undefined ? "missing" : `${JSON.stringify(value)} is not Unix time in seconds` });
      return z.NEVER;
    }
    return seconds * 1000;
  });

/** `isbleg`: "true"/"false" as documented, or a JSON boolean; absent or "" → null. */
const flag = z
  .unknown()
  .optional()
  .transform((value, ctx): boolean | null => {
    if (value === undefined || value === null || value === "") return null;
    if (value === true || value === "true") return true;
    if (value === false || value === "false") return false;
    ctx.addIssue({ code: "custom", message: `${JSON.stringify(value)} is not "true" or "false"` });
    return z.NEVER;
  });

const requiredText = text.transform((value, ctx): string => {
  if (value === null) {
    ctx.addIssue({ code: "custom", message: "missing" });
    return z.NEVER;
  }
  return value;
});

const status = z
  .unknown()
  .optional()
  .transform((value, ctx) => {
    const word = typeof value === "string" ? value.trim().toLowerCase() : value;
    const found = EXTENSION_STATUSES.find((s) => s === word);
    if (found === undefined) {
      ctx.addIssue({ code: "custom", message: value === undefined ? "missing" : `${JSON.stringify(value)} is not one of ${EXTENSION_STATUSES.join(", ")}` });
      return z.NEVER;
    }
    return found;
  });

/** Extension status callback (ring / answer / hangup), predictive-outbound-callbacks.md. */
export const extensionStatusSchema = z.object({
  uuid: requiredText,
  buuid: text,
  status,
  starttime: unixSeconds,
  extnumber: text,
  caller: text,
  callee: text,
  disnumber: text,
  direction: text,
  method: optionalCount,
  companycode: text,
  isbleg: flag,
});
export type ExtensionStatusCallback = z.output<typeof extensionStatusSchema>;

/** Reads an extension status callback as an ExtensionEvent. Throws VendorPayloadError. */
export function normalizeExtensionStatus(raw: unknown): ExtensionEvent {
  const s = parseVendor(extensionStatusSchema, raw, "extension status callback");
  return {
    uuid: s.uuid,
    buuid: s.buuid,
    extension: toExtension(s.extnumber),
    caller: s.caller,
    callee: s.callee,
    displayNumber: s.disnumber,
    direction: toDirection(s.direction),
    method: s.method,
    status: s.status,
    eventAtMs: s.starttime,
    companyCode: s.companycode,
    isBLeg: s.isbleg,
  };
}
