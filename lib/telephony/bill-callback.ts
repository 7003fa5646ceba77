import { z } from "zod";

import type { CallRecord } from "@/lib/calls";
import { count, customParam, optionalCount, optionalTime, parseVendor, text, time, toDirection, toExtension, toHangupSide, toMs } from "./fields";

/**
 * Old pushes (the 2018 callbacks a CRM logged) spell some keys in camel case beside lower-case ones:
 * startTime, endTime, answerTime, disNumber, destNumber, extNumber, hangupCause, hangupDirection, downloadIp,
 * recordFilename, aanswerTime. Every key is read case-insensitively; the lower-case spelling wins when both are sent.
 */
function lowerCaseKeys(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const [key, value] of Object.entries(raw)) {
    const lower = key.toLowerCase();
    if (lower !== key && !Object.hasOwn(out, lower)) out[lower] = value;
  }
  return out;
}

/**
 * The bill (CDR) callback in all its documented editions: bill-callback.md, the predictive-outbound bill callback
 * (no `id`), and the 2025 sample (`direction` beside `type`, `userid` for `crmid`, `ext`, `taskid`, `round`,
 * `recordurl`, `companycode` as text). Unknown fields are ignored; the raw body stays in the inbox.
 */
export const billCallbackSchema = z.preprocess(
  lowerCaseKeys,
  z.object({
    id: optionalCount,
    uuid: text,
    type: text,
    direction: text,
    callmethod: optionalCount,
    starttime: time,
    answertime: optionalTime,
    endtime: optionalTime,
    duration: optionalCount,
    billsec: count,
    crmid: customParam,
    userid: customParam,
    memberid: customParam,
    chengshudu: customParam,
    ext: customParam,
    customuuid: customParam,
    disnumber: text,
    destnumber: text,
    extnumber: text,
    downloadip: text,
    recordfilename: text,
    recordurl: text,
    hangupdirection: text,
    hangupcause: optionalCount,
    companycode: text,
    userkey: text,
    taskid: text,
    round: optionalCount,
    // A side: only meaningful on double calls (callmethod 4); old pushes send it on every call.
    anumber: text,
    astarttime: optionalTime,
    aanswertime: optionalTime,
    aendtime: optionalTime,
    aduration: optionalCount,
    abillsec: optionalCount,
  }),
);
export type BillCallback = z.output<typeof billCallbackSchema>;

/** Reads a bill callback (any edition) as a CallRecord; times are wall-clock in `vendorTz`. Throws VendorPayloadError. */
export function normalizeBillCallback(raw: unknown, vendorTz: string): CallRecord {
  const bill = parseVendor(billCallbackSchema, raw, "bill callback");
  const doubleCall = bill.callmethod === 4;
  return {
    source: "callback",
    vendorSystem: "sip",
    vendorId: bill.id,
    uuid: bill.uuid,
    // 2025 edition sends `direction` beside `type`; older ones only `type`.
    direction: toDirection(bill.direction) ?? toDirection(bill.type),
    callMethod: bill.callmethod,
    startedAtMs: toMs("starttime", bill.starttime, vendorTz),
    answeredAtMs: toMs("answertime", bill.answertime, vendorTz),
    endedAtMs: toMs("endtime", bill.endtime, vendorTz),
    durationSec: bill.duration,
    billSec: bill.billsec,
    extension: toExtension(bill.extnumber),
    agent: bill.crmid ?? bill.userid,
    displayNumber: bill.disnumber,
    destNumber: bill.destnumber,
    memberId: bill.memberid,
    customerId: bill.customuuid,
    // 2025 edition: `ext` is a custom parameter carrying the same value as `chengshudu`.
    chengshudu: bill.chengshudu ?? bill.ext,
    userKey: bill.userkey,
    companyCode: bill.companycode,
    taskId: bill.taskid,
    round: bill.round,
    hangupCause: bill.hangupcause,
    hangupSide: toHangupSide(bill.hangupdirection),
    hangupDirection: bill.hangupdirection,
    downloadIp: bill.downloadip,
    recordFilename: bill.recordfilename,
    recordUrl: bill.recordurl,
    aNumber: doubleCall ? bill.anumber : null,
    aStartedAtMs: doubleCall ? toMs("astarttime", bill.astarttime, vendorTz) : null,
    aAnsweredAtMs: doubleCall ? toMs("aanswertime", bill.aanswertime, vendorTz) : null,
    aEndedAtMs: doubleCall ? toMs("aendtime", bill.aendtime, vendorTz) : null,
    aDurationSec: doubleCall ? bill.aduration : null,
    aBillSec: doubleCall ? bill.abillsec : null,
    clientIp: null,
  };
}
