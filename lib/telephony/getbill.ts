import { z } from "zod";

import type { CallRecord } from "@/lib/calls";
import { count, customParam, looseInt, optionalCount, optionalTime, parseVendor, text, time, toDirection, toExtension, toHangupSide, toMs } from "./fields";

/**
 * One bill of `App.Sip_Cdr.GetBill` (getbill-pull-api.md): `displaynumber` for the callbacks' `disnumber`,
 * `direction` for `type`, `userid` for `crmid`, `answertime` null when unanswered, no `uuid`.
 */
export const getBillBillSchema = z.object({
  id: optionalCount,
  extnumber: text,
  destnumber: text,
  displaynumber: text,
  // Not documented for GetBill; accepted in case a bill uses the callbacks' name.
  disnumber: text,
  starttime: time,
  answertime: optionalTime,
  endtime: optionalTime,
  duration: optionalCount,
  billsec: count,
  direction: text,
  callmethod: optionalCount,
  userid: customParam,
  memberid: customParam,
  chengshudu: customParam,
  customuuid: customParam,
  recordfilename: text,
  downloadip: text,
  hangupdirection: text,
  hangupcause: optionalCount,
  userkey: text,
});
export type GetBillBill = z.output<typeof getBillBillSchema>;

/** Reads one GetBill bill as a CallRecord; times are wall-clock in `vendorTz`. Throws VendorPayloadError. */
export function normalizeGetBillBill(raw: unknown, vendorTz: string): CallRecord {
  const bill = parseVendor(getBillBillSchema, raw, "GetBill bill");
  return {
    source: "getbill",
    vendorSystem: "sip",
    vendorId: bill.id,
    uuid: null,
    direction: toDirection(bill.direction),
    callMethod: bill.callmethod,
    startedAtMs: toMs("starttime", bill.starttime, vendorTz),
    answeredAtMs: toMs("answertime", bill.answertime, vendorTz),
    endedAtMs: toMs("endtime", bill.endtime, vendorTz),
    durationSec: bill.duration,
    billSec: bill.billsec,
    extension: toExtension(bill.extnumber),
    agent: bill.userid,
    displayNumber: bill.displaynumber ?? bill.disnumber,
    destNumber: bill.destnumber,
    memberId: bill.memberid,
    customerId: bill.customuuid,
    chengshudu: bill.chengshudu,
    userKey: bill.userkey,
    companyCode: null,
    taskId: null,
    round: null,
    hangupCause: bill.hangupcause,
    hangupSide: toHangupSide(bill.hangupdirection),
    hangupDirection: bill.hangupdirection,
    downloadIp: bill.downloadip,
    recordFilename: bill.recordfilename,
    recordUrl: null,
    aNumber: null,
    aStartedAtMs: null,
    aAnsweredAtMs: null,
    aEndedAtMs: null,
    aDurationSec: null,
    aBillSec: null,
    clientIp: null,
  };
}

/**
 * The whole GetBill reply `{ret, data: {status, desc, result, reqtime, rsptime, errors?}, msg}`. Tolerant: error
 * replies may lack `data.result` (or `data`); bills stay unknown so one bad bill does not reject the page.
 * `ret` 200 is success, 600 an invalid token (log in again); see README.md.
 */
export const getBillReplySchema = z.object({
  ret: looseInt,
  msg: z.string().nullish(),
  data: z
    .object({
      status: looseInt.nullish(),
      desc: z.string().nullish(),
      result: z
        .object({
          totalitems: looseInt,
          currentpage: looseInt,
          itemsperpage: looseInt,
          bills: z
            .array(z.unknown())
            .nullish()
            .transform((bills) => bills ?? []),
        })
        .nullish(),
      reqtime: looseInt.nullish(),
      rsptime: looseInt.nullish(),
      errors: z.object({ code: z.union([z.number(), z.string()]).nullish(), codemsg: z.string().nullish() }).nullish(),
    })
    .nullish(),
});
export type GetBillReply = z.output<typeof getBillReplySchema>;
