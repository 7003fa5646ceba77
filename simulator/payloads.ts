/**
 * SimCall → the vendor's payloads, field names and JSON types exactly as /work/shared/vendor-api/ shows them.
 * Times are wall-clock strings in the vendor's zone (Beijing by default).
 */
import { formatZonedTime } from "../lib/time";
import type { SimCall } from "./call-universe";

export const DEFAULT_VENDOR_TZ = "Asia/Shanghai";
/** Our recording layout (the documents give none): http://<downloadip>/recordings/<recordfilename>. */
export const RECORDINGS_PATH = "/recordings/";

export type PayloadOptions = {
  vendorTz?: string;
  /** Replaces the call's `downloadip` on recorded calls (the pull server points them at itself). */
  downloadIp?: string;
};

function time(ms: number, opts: PayloadOptions): string {
  return formatZonedTime(ms, opts.vendorTz ?? DEFAULT_VENDOR_TZ);
}

function downloadIpOf(call: SimCall, opts: PayloadOptions): string {
  return call.recordFilename && opts.downloadIp ? opts.downloadIp : call.downloadIp;
}

export function recordingUrl(downloadIp: string, recordFilename: string): string {
  return recordFilename ? `http://${downloadIp}${RECORDINGS_PATH}${recordFilename}` : "";
}

/** bill-callback.md: `crmid`, `type`, numeric `companycode`, `userkey` 1 (number) or a string. */
export type ClassicBillCallback = {
  callmethod: number;
  starttime: string;
  answertime: string;
  endtime: string;
  duration: number;
  billsec: number;
  crmid: string;
  hangupdirection: number;
  chengshudu: string;
  hangupcause: number;
  memberid: string;
  disnumber: string;
  destnumber: string;
  downloadip: string;
  recordfilename: string;
  companycode: number;
  type: string;
  id: number;
  extnumber: string;
  uuid: string;
  userkey: number | string;
  customuuid: string;
};

/** bill-callback-2025-sample.json: `direction` + `type`, `userid`, `ext`, `taskid`, `round`, `recordurl`, string `companycode`. */
export type Bill2025Callback = {
  id: number;
  companycode: string;
  direction: string;
  type: string;
  callmethod: number;
  starttime: string;
  answertime: string;
  endtime: string;
  duration: number;
  billsec: number;
  userid: string;
  memberid: string;
  chengshudu: string;
  ext: string;
  disnumber: string;
  destnumber: string;
  extnumber: string;
  recordfilename: string;
  downloadip: string;
  hangupdirection: number;
  hangupcause: number;
  uuid: string;
  userkey: string;
  customuuid: string;
  taskid: string;
  round: number;
  recordurl: string;
};

export function toBillCallback(call: SimCall, edition: "classic", opts?: PayloadOptions): ClassicBillCallback;
export function toBillCallback(call: SimCall, edition: "2025", opts?: PayloadOptions): Bill2025Callback;
export function toBillCallback(call: SimCall, edition: "classic" | "2025", opts?: PayloadOptions): ClassicBillCallback | Bill2025Callback;
export function toBillCallback(call: SimCall, edition: "classic" | "2025", opts: PayloadOptions = {}): ClassicBillCallback | Bill2025Callback {
  const answertime = call.answerMs === null ? "" : time(call.answerMs, opts);
  const downloadip = downloadIpOf(call, opts);
  if (edition === "classic") {
    // Key order as printed in bill-callback.md.
    return {
      callmethod: call.callMethod,
      starttime: time(call.startMs, opts),
      answertime,
      endtime: time(call.endMs, opts),
      duration: call.durationSec,
      billsec: call.billSec,
      crmid: call.agentId,
      hangupdirection: call.hangupDirection,
      chengshudu: call.chengshudu,
      hangupcause: call.hangupCause,
      memberid: call.memberId,
      disnumber: call.disnumber,
      destnumber: call.destnumber,
      downloadip,
      recordfilename: call.recordFilename,
      companycode: Number(call.companyCode),
      type: call.direction,
      id: call.id,
      extnumber: call.extension,
      uuid: call.uuid,
      userkey: call.userKey,
      customuuid: call.customUuid,
    };
  }
  return {
    id: call.id,
    companycode: call.companyCode,
    direction: call.direction,
    type: call.direction,
    callmethod: call.callMethod,
    starttime: time(call.startMs, opts),
    answertime,
    endtime: time(call.endMs, opts),
    duration: call.durationSec,
    billsec: call.billSec,
    userid: call.agentId,
    memberid: call.memberId,
    chengshudu: call.chengshudu,
    ext: call.chengshudu,
    disnumber: call.disnumber,
    destnumber: call.destnumber,
    extnumber: call.extension,
    recordfilename: call.recordFilename,
    downloadip,
    hangupdirection: call.hangupDirection,
    hangupcause: call.hangupCause,
    uuid: call.uuid,
    userkey: String(call.userKey),
    customuuid: call.customUuid,
    taskid: call.taskId,
    round: call.round,
    recordurl: recordingUrl(downloadip, call.recordFilename),
  };
}

/** predictive-outbound-callbacks.md bill: `uuid` and no `id`; string `companycode`; `extnumber` "000000" without an agent. */
export type PredictiveBillCallback = {
  type: string;
  callmethod: number;
  starttime: string;
  answertime: string;
  endtime: string;
  duration: number;
  billsec: number;
  crmid: string;
  memberid: string;
  chengshudu: string;
  disnumber: string;
  destnumber: string;
  extnumber: string;
  recordfilename: string;
  downloadip: string;
  hangupdirection: number;
  hangupcause: number;
  companycode: string;
  uuid: string;
  userkey: string;
  customuuid: string;
};

export function toPredictiveCallback(call: SimCall, opts: PayloadOptions = {}): PredictiveBillCallback {
  return {
    type: call.direction,
    callmethod: call.callMethod,
    starttime: time(call.startMs, opts),
    answertime: call.answerMs === null ? "" : time(call.answerMs, opts),
    endtime: time(call.endMs, opts),
    duration: call.durationSec,
    billsec: call.billSec,
    crmid: call.agentId,
    memberid: call.memberId,
    chengshudu: call.chengshudu,
    disnumber: call.disnumber,
    destnumber: call.destnumber,
    extnumber: call.extension || "000000",
    recordfilename: call.recordFilename,
    downloadip: downloadIpOf(call, opts),
    hangupdirection: call.hangupDirection,
    hangupcause: call.hangupCause,
    companycode: call.companyCode,
    uuid: call.uuid,
    userkey: String(call.userKey),
    customuuid: call.customUuid,
  };
}

/** predictive-outbound-callbacks.md extension status: every field a string, `starttime` Unix seconds. */
export type ExtensionStatusEvent = {
  buuid: string;
  callee: string;
  caller: string;
  companycode: string;
  direction: string;
  disnumber: string;
  extnumber: string;
  isbleg: string;
  method: string;
  starttime: string;
  status: "ring" | "answer" | "hangup";
  type: string;
  uuid: string;
};

export type TimedStatusEvent = { atMs: number; event: ExtensionStatusEvent };

/**
 * The ring/answer/hangup events the extension status callback receives, each with the instant it is sent.
 * None for a predictive/IVR call that never reached an agent. `starttime` is the event's own instant.
 */
export function toExtensionStatusEvents(call: SimCall): TimedStatusEvent[] {
  if (!call.extension) return [];
  // `method` documents 1..5 only; IVR/group calls (6) are reported as 5 (task-driven).
  const method = String(Math.min(call.callMethod, 5));
  const inbound = call.direction === "callin";
  const make = (status: ExtensionStatusEvent["status"], atMs: number): TimedStatusEvent => ({
    atMs,
    event: {
      buuid: call.buuid,
      callee: inbound ? call.extension : call.destnumber,
      caller: inbound ? call.customerNumber : call.extension,
      companycode: call.companyCode,
      direction: call.direction,
      disnumber: call.disnumber,
      extnumber: call.extension,
      isbleg: "true",
      method,
      starttime: String(Math.floor(atMs / 1000)),
      status,
      type: "call",
      uuid: call.uuid,
    },
  });
  const events = [make("ring", call.startMs)];
  if (call.answered && call.answerMs !== null) events.push(make("answer", call.answerMs));
  events.push(make("hangup", call.endMs));
  return events;
}

/** getbill-pull-api.md bill: `displaynumber`, `direction`, `userid`, `answertime` null when unanswered, no `uuid`. */
export type GetBillBill = {
  id: number;
  extnumber: string;
  destnumber: string;
  displaynumber: string;
  starttime: string;
  answertime: string | null;
  endtime: string;
  duration: number;
  billsec: number;
  direction: string;
  callmethod: number;
  userid: string;
  memberid: string;
  chengshudu: string;
  customuuid: string;
  recordfilename: string;
  downloadip: string;
  hangupdirection: number;
  hangupcause: number;
  userkey: string;
};

export function toGetBillBill(call: SimCall, opts: PayloadOptions = {}): GetBillBill {
  return {
    id: call.id,
    extnumber: call.extension,
    destnumber: call.destnumber,
    displaynumber: call.disnumber,
    starttime: time(call.startMs, opts),
    answertime: call.answerMs === null ? null : time(call.answerMs, opts),
    endtime: time(call.endMs, opts),
    duration: call.durationSec,
    billsec: call.billSec,
    direction: call.direction,
    callmethod: call.callMethod,
    userid: call.agentId,
    memberid: call.memberId,
    chengshudu: call.chengshudu,
    customuuid: call.customUuid,
    recordfilename: call.recordFilename,
    downloadip: downloadIpOf(call, opts),
    hangupdirection: call.hangupDirection,
    hangupcause: call.hangupCause,
    userkey: String(call.userKey),
  };
}

/** cdrs-double-sided-pull-api.md record: own `id`, no `uuid`, `context`, `callnumber`, string `callmethod` and `hangupdirection`. */
export type CdrsRecord = {
  aanswertime: string;
  abillsec: number;
  aduration: number;
  aendtime: string;
  answertime: string;
  anumber: string;
  astarttime: string;
  billsec: number;
  callmethod: string;
  callnumber: string;
  clientip: string;
  context: string;
  disnumber: string;
  downloadip: string;
  duration: number;
  endtime: string;
  extnumber: string;
  hangupdirection: string;
  id: number;
  memberid: string;
  starttime: string;
  userid: string;
};

export function toCdrsHangupDirection(code: number): string {
  return code === 10040 ? "caller" : code === 10041 ? "callee" : "";
}

export function toCdrsRecord(call: SimCall, opts: PayloadOptions = {}): CdrsRecord {
  // Outside double calls the A-side fields mirror the call with no A number, as in the document's sample.
  const a = call.aSide ?? { number: "", startMs: call.startMs, answerMs: null, endMs: call.endMs, durationSec: call.durationSec, billSec: 0 };
  return {
    aanswertime: a.answerMs === null ? "" : time(a.answerMs, opts),
    abillsec: a.billSec,
    aduration: a.durationSec,
    aendtime: time(a.endMs, opts),
    answertime: call.answerMs === null ? "" : time(call.answerMs, opts),
    anumber: a.number,
    astarttime: time(a.startMs, opts),
    billsec: call.billSec,
    callmethod: String(call.callMethod),
    callnumber: call.destnumber,
    clientip: call.clientIp,
    context: call.direction,
    disnumber: call.disnumber,
    downloadip: downloadIpOf(call, opts),
    duration: call.durationSec,
    endtime: time(call.endMs, opts),
    extnumber: call.extension,
    hangupdirection: toCdrsHangupDirection(call.hangupDirection),
    id: call.cdrsId,
    memberid: call.memberId,
    starttime: time(call.startMs, opts),
    userid: call.agentId,
  };
}
