import { describe, expect, it } from "vitest";

import { generateCalls, type SimCall } from "./call-universe";
import { toBillCallback, toCdrsRecord, toExtensionStatusEvents, toGetBillBill, toPredictiveCallback } from "./payloads";

// The vendor's documented samples (/work/shared/vendor-api/), verbatim but for the commas bill-callback.md misses.
const CLASSIC_SAMPLE = {
  callmethod: 3,
  starttime: "2018-03-14 12:18:21",
  answertime: "",
  endtime: "2018-03-14 12:18:35",
  duration: 14,
  billsec: 0,
  crmid: "2001",
  hangupdirection: 10015,
  chengshudu: "0",
  hangupcause: 10001,
  memberid: "18533700187590656",
  disnumber: "02566823420",
  destnumber: "015029913692",
  downloadip: "120.76.152.137",
  recordfilename: "",
  companycode: 20000013,
  type: "callout",
  id: 982,
  extnumber: "7003",
  uuid: "cda5c6c4-0a17-11e8-b177-e7cbf2bd1f36",
  userkey: 1,
  customuuid: "customuuid",
};
const SAMPLE_2025 = {
  id: 263056202,
  companycode: "9513923",
  direction: "callout",
  type: "callout",
  callmethod: 6,
  starttime: "2025-10-16 17:31:13",
  answertime: "",
  endtime: "2025-10-16 17:31:21",
  duration: 8,
  billsec: 0,
  userid: "0",
  memberid: "0",
  chengshudu: "0",
  ext: "0",
  disnumber: "219513923001",
  destnumber: "81351111451",
  extnumber: "",
  recordfilename: "",
  downloadip: "",
  hangupdirection: 10040,
  hangupcause: 10020,
  uuid: "db4a44cc-aa72-11f0-ad78-1d7ff0749d07",
  userkey: "",
  customuuid: "76c33d997640d36b033d43b1d2d3964e",
  taskid: "",
  round: 0,
  recordurl: "",
};
const PREDICTIVE_SAMPLE = {
  type: "callout",
  callmethod: 6,
  starttime: "2021-02-09 10:00:03",
  answertime: "",
  endtime: "2021-02-09 10:00:15",
  duration: 12,
  billsec: 0,
  crmid: "0",
  memberid: "0",
  chengshudu: "0",
  disnumber: "211040260001",
  destnumber: "81211623586",
  extnumber: "000000",
  recordfilename: "",
  downloadip: "",
  hangupdirection: 10040,
  hangupcause: 10020,
  companycode: "104026",
  uuid: "863ff91e-6a7a-11eb-acf1-5107cdf1d50a",
  userkey: "",
  customuuid: "110001475",
};
const STATUS_SAMPLE = {
  buuid: "9c6f2092-6aad-11eb-a1b9-5107cdf1d50a",
  callee: "89683227899",
  caller: "20280005",
  companycode: "2028",
  direction: "callout",
  disnumber: "2120280001",
  extnumber: "20280005",
  isbleg: "true",
  method: "2",
  starttime: "1612857945",
  status: "ring",
  type: "call",
  uuid: "9c568ac8-6aad-11eb-a1b3-5107cdf1d50a",
};
const GETBILL_SAMPLE = {
  id: 22670,
  extnumber: "",
  destnumber: "13387525701",
  displaynumber: "2190170001",
  starttime: "2019-09-27 14:58:37",
  answertime: null,
  endtime: "2019-09-27 14:59:05",
  duration: 28,
  billsec: 0,
  direction: "callout",
  callmethod: 6,
  userid: "0",
  memberid: "0",
  chengshudu: "0",
  customuuid: "0",
  recordfilename: "",
  downloadip: "",
  hangupdirection: 10041,
  hangupcause: 10020,
  userkey: "#",
};
const CDRS_SAMPLE = {
  aanswertime: "",
  abillsec: 0,
  aduration: 2,
  aendtime: "2020-06-10 16:04:59",
  answertime: "",
  anumber: "",
  astarttime: "2020-06-10 16:04:57",
  billsec: 0,
  callnumber: "81599955",
  clientip: "",
  context: "callout",
  disnumber: "917045100378",
  downloadip: "",
  duration: 2,
  endtime: "2020-06-10 16:04:59",
  extnumber: "",
  hangupdirection: "callee",
  id: 123456,
  starttime: "2020-06-10 16:04:57",
};

const typeOf = (v: unknown) => (v === null ? "null" : typeof v);
function typesOf(o: object): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeOf(v)]));
}

const NOW = Date.UTC(2026, 10, 28);
const calls = generateCalls({ seed: 7, count: 3000, fromMs: NOW - 7 * 86_400_000, toMs: NOW });
const find = (pred: (c: SimCall) => boolean): SimCall => {
  const call = calls.find(pred);
  if (!call) throw new Error("no such call in the universe");
  return call;
};
const missed = find((c) => !c.answered && c.answerMs === null && c.extension !== "");
const answered = find((c) => c.answered);

describe("toBillCallback", () => {
  it("classic edition has bill-callback.md's fields and types (companycode a number)", () => {
    const { userkey: _u, ...sampleTypes } = typesOf(CLASSIC_SAMPLE);
    for (const call of [missed, answered]) {
      const { userkey, ...rest } = toBillCallback(call, "classic");
      expect(Object.keys(toBillCallback(call, "classic"))).toEqual(Object.keys(CLASSIC_SAMPLE));
      expect(typesOf(rest)).toEqual(sampleTypes);
      expect([1, "#", ""]).toContain(userkey);
    }
  });
  it("classic userkey is the number 1 or a string", () => {
    expect(
      toBillCallback(
        find((c) => c.userKey === 1),
        "classic",
      ).userkey,
    ).toBe(1);
    expect(
      toBillCallback(
        find((c) => c.userKey === "#"),
        "classic",
      ).userkey,
    ).toBe("#");
  });
  it("2025 edition matches bill-callback-2025-sample.json", () => {
    for (const call of [missed, answered]) {
      const payload = toBillCallback(call, "2025");
      expect(Object.keys(payload).sort()).toEqual(Object.keys(SAMPLE_2025).sort());
      expect(typesOf(payload)).toEqual(typesOf(SAMPLE_2025));
      expect(payload.ext).toBe(payload.chengshudu);
    }
    expect(toBillCallback(answered, "2025").recordurl).toBe(`http://${answered.downloadIp}/recordings/${answered.recordFilename}`);
  });
  it("writes Beijing time and an empty answertime when unanswered", () => {
    const payload = toBillCallback(missed, "classic");
    expect(payload.answertime).toBe("");
    expect(payload.starttime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const ms = Date.UTC(2025, 9, 16, 9, 31, 13);
    expect(toBillCallback({ ...missed, startMs: ms }, "2025").starttime).toBe("2025-10-16 17:31:13");
    expect(toBillCallback({ ...missed, startMs: ms }, "2025", { vendorTz: "UTC" }).starttime).toBe("2025-10-16 09:31:13");
  });
});

describe("toPredictiveCallback", () => {
  it("has the predictive sample's fields and types: uuid, no id", () => {
    const call = find((c) => c.callMethod === 5 && !c.answered);
    const payload = toPredictiveCallback(call);
    expect(Object.keys(payload)).toEqual(Object.keys(PREDICTIVE_SAMPLE));
    expect(typesOf(payload)).toEqual(typesOf(PREDICTIVE_SAMPLE));
    expect(payload).not.toHaveProperty("id");
    expect(payload.extnumber).toBe("000000");
    expect(payload.crmid).toBe("0");
  });
});

describe("toExtensionStatusEvents", () => {
  it("sends ring, answer, hangup for an answered call, all strings, starttime in Unix seconds", () => {
    const events = toExtensionStatusEvents(answered);
    expect(events.map((e) => e.event.status)).toEqual(["ring", "answer", "hangup"]);
    for (const { atMs, event } of events) {
      expect(Object.keys(event)).toEqual(Object.keys(STATUS_SAMPLE));
      expect(typesOf(event)).toEqual(typesOf(STATUS_SAMPLE));
      expect(event.starttime).toBe(String(atMs / 1000));
      expect(event.isbleg).toBe("true");
      expect(event.uuid).toBe(answered.uuid);
    }
  });
  it("skips answer for a missed call, and everything for a predictive call no agent took", () => {
    expect(toExtensionStatusEvents(missed).map((e) => e.event.status)).toEqual(["ring", "hangup"]);
    expect(toExtensionStatusEvents(find((c) => c.callMethod === 5 && !c.answered))).toEqual([]);
  });
});

describe("toGetBillBill", () => {
  it("matches getbill-pull-api.md: displaynumber, null answertime, no uuid", () => {
    const payload = toGetBillBill(missed);
    expect(Object.keys(payload)).toEqual(Object.keys(GETBILL_SAMPLE));
    expect(typesOf(payload)).toEqual(typesOf(GETBILL_SAMPLE));
    expect(payload).not.toHaveProperty("uuid");
    expect(typeof toGetBillBill(answered).answertime).toBe("string");
  });
});

describe("toCdrsRecord", () => {
  it("has the sample's fields plus the documented callmethod, userid, memberid, with string callmethod and hangupdirection", () => {
    const payload = toCdrsRecord(missed);
    const { callmethod, userid, memberid, ...documented } = payload;
    expect(typesOf(documented)).toEqual(typesOf(CDRS_SAMPLE));
    expect(Object.keys(documented).sort()).toEqual(Object.keys(CDRS_SAMPLE).sort());
    expect([typeof callmethod, typeof userid, typeof memberid]).toEqual(["string", "string", "string"]);
    expect(payload).not.toHaveProperty("uuid");
    expect(payload.id).toBe(missed.cdrsId);
    expect(["caller", "callee", ""]).toContain(payload.hangupdirection);
  });
  it("carries the A side of a double call", () => {
    const call = find((c) => c.callMethod === 4 && c.answered);
    const payload = toCdrsRecord(call);
    expect(payload.anumber).toMatch(/^1\d{10}$/);
    expect(payload.aanswertime).not.toBe("");
    expect(payload.abillsec).toBeGreaterThan(payload.billsec);
  });
});
