import { z } from "zod";

import type { CallRecord } from "@/lib/calls";
import { count, customParam, looseInt, optionalCount, optionalTime, parseVendor, text, time, toDirection, toExtension, toHangupSide, toMs } from "./fields";

/**
 * One record of `/api/cdrs` (cdrs-double-sided-pull-api.md): its own `id` space and no `uuid`; `context` for the
 * direction, `callnumber` for the called number, `callmethod` as text, `hangupdirection` as a word ("callee"),
 * no `hangupcause`. The A side is valid only when `callmethod` is 4 (double call).
 */
export const cdrsRecordSchema = z.object({
  id: optionalCount,
  context: text,
  callmethod: optionalCount,
  starttime: time,
  answertime: optionalTime,
  endtime: optionalTime,
  duration: optionalCount,
  billsec: count,
  extnumber: text,
  disnumber: text,
  callnumber: text,
  clientip: text,
  downloadip: text,
  // Not in the document's field list; kept if a record carries it.
  recordfilename: text,
  hangupdirection: text,
  userid: customParam,
  memberid: customParam,
  anumber: text,
  astarttime: optionalTime,
  aanswertime: optionalTime,
  aendtime: optionalTime,
  aduration: optionalCount,
  abillsec: optionalCount,
});
export type CdrsRecord = z.output<typeof cdrsRecordSchema>;

/** Reads one `/api/cdrs` record as a CallRecord; times are wall-clock in `vendorTz` (Beijing per the document). */
export function normalizeCdrsRecord(raw: unknown, vendorTz: string): CallRecord {
  const r = parseVendor(cdrsRecordSchema, raw, "cdrs record");
  const doubleCall = r.callmethod === 4;
  return {
    source: "cdrs",
    vendorSystem: "cdrs",
    vendorId: r.id,
    uuid: null,
    direction: toDirection(r.context),
    callMethod: r.callmethod,
    startedAtMs: toMs("starttime", r.starttime, vendorTz),
    answeredAtMs: toMs("answertime", r.answertime, vendorTz),
    endedAtMs: toMs("endtime", r.endtime, vendorTz),
    durationSec: r.duration,
    billSec: r.billsec,
    extension: toExtension(r.extnumber),
    agent: r.userid,
    displayNumber: r.disnumber,
    destNumber: r.callnumber,
    memberId: r.memberid,
    customerId: null,
    chengshudu: null,
    userKey: null,
    companyCode: null,
    taskId: null,
    round: null,
    hangupCause: null,
    hangupSide: toHangupSide(r.hangupdirection),
    hangupDirection: r.hangupdirection,
    downloadIp: r.downloadip,
    recordFilename: r.recordfilename,
    recordUrl: null,
    aNumber: doubleCall ? r.anumber : null,
    aStartedAtMs: doubleCall ? toMs("astarttime", r.astarttime, vendorTz) : null,
    aAnsweredAtMs: doubleCall ? toMs("aanswertime", r.aanswertime, vendorTz) : null,
    aEndedAtMs: doubleCall ? toMs("aendtime", r.aendtime, vendorTz) : null,
    aDurationSec: doubleCall ? r.aduration : null,
    aBillSec: doubleCall ? r.abillsec : null,
    clientIp: r.clientip,
  };
}

/**
 * The whole `/api/cdrs` reply `{code, msg, data: {data, page, per_page, total}}`. `code` 1 is success; error replies
 * may carry no `data`. Records stay unknown so one bad record does not reject the page.
 */
export const cdrsReplySchema = z.object({
  code: looseInt,
  msg: z.string().nullish(),
  data: z
    .object({
      data: z
        .array(z.unknown())
        .nullish()
        .transform((records) => records ?? []),
      page: looseInt.nullish(),
      per_page: looseInt.nullish(),
      total: looseInt.nullish(),
    })
    .nullish(),
});
export type CdrsReply = z.output<typeof cdrsReplySchema>;
