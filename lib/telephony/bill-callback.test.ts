import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { normalizeBillCallback } from "./bill-callback";
import type { CallRecord } from "@/lib/calls";
import { decodeCallbackBody } from "./callback-body";
import { VendorPayloadError } from "./errors";

const TZ = "Asia/Shanghai";
const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const fixture = (name: string): Record<string, unknown> => JSON.parse(new TextDecoder().decode(fixtureBytes(name)));

function thrown(fn: () => unknown): VendorPayloadError {
  try {
    fn();
  } catch (err) {
    if (err instanceof VendorPayloadError) return err;
    throw err;
  }
  throw new Error("expected a VendorPayloadError");
}

const NO_A_SIDE = {
  aNumber: null,
  aStartedAtMs: null,
  aAnsweredAtMs: null,
  aEndedAtMs: null,
  aDurationSec: null,
  aBillSec: null,
} as const;

describe("normalizeBillCallback", () => {
  it("reads the bill-callback.md sample (posted as JSON)", async () => {
    const raw = await decodeCallbackBody(fixtureBytes("bill-callback.json"), "application/json");
    expect(normalizeBillCallback(raw, TZ)).toEqual<CallRecord>({
      source: "callback",
      vendorSystem: "sip",
      vendorId: 982,
      uuid: "cda5c6c4-0a17-11e8-b177-e7cbf2bd1f36",
      direction: "outbound",
      callMethod: 3,
      startedAtMs: Date.UTC(2018, 2, 14, 4, 18, 21),
      answeredAtMs: null,
      endedAtMs: Date.UTC(2018, 2, 14, 4, 18, 35),
      durationSec: 14,
      billSec: 0,
      extension: "7003",
      agent: "2001",
      displayNumber: "02566823420",
      destNumber: "015029913692",
      memberId: "18533700187590656",
      customerId: "customuuid",
      chengshudu: null,
      userKey: "1",
      companyCode: "20000013",
      taskId: null,
      round: null,
      hangupCause: 10001,
      hangupSide: "system",
      hangupDirection: "10015",
      downloadIp: "120.76.152.137",
      recordFilename: null,
      recordUrl: null,
      ...NO_A_SIDE,
      clientIp: null,
    });
  });

  it("reads the predictive-outbound bill callback sample (form field detail, no id)", async () => {
    const form = new FormData();
    form.set("detail", new TextDecoder().decode(fixtureBytes("predictive-bill-callback.json")));
    const req = new Request("http://localhost/api/callbacks/bill", { method: "POST", body: form });
    const raw = await decodeCallbackBody(new Uint8Array(await req.arrayBuffer()), req.headers.get("content-type"));
    expect(normalizeBillCallback(raw, TZ)).toEqual<CallRecord>({
      source: "callback",
      vendorSystem: "sip",
      vendorId: null,
      uuid: "863ff91e-6a7a-11eb-acf1-5107cdf1d50a",
      direction: "outbound",
      callMethod: 6,
      startedAtMs: Date.UTC(2021, 1, 9, 2, 0, 3),
      answeredAtMs: null,
      endedAtMs: Date.UTC(2021, 1, 9, 2, 0, 15),
      durationSec: 12,
      billSec: 0,
      // "000000" is the documents' "no agent": no extension, normalized at the edge.
      extension: null,
      agent: null,
      displayNumber: "211040260001",
      destNumber: "81211623586",
      memberId: null,
      customerId: "110001475",
      chengshudu: null,
      userKey: null,
      companyCode: "104026",
      taskId: null,
      round: null,
      hangupCause: 10020,
      hangupSide: "caller",
      hangupDirection: "10040",
      downloadIp: null,
      recordFilename: null,
      recordUrl: null,
      ...NO_A_SIDE,
      clientIp: null,
    });
  });

  it("reads the 2025 edition sample (direction, userid, ext, taskid, round, recordurl)", () => {
    expect(normalizeBillCallback(fixture("bill-callback-2025-sample.json"), TZ)).toEqual<CallRecord>({
      source: "callback",
      vendorSystem: "sip",
      vendorId: 263056202,
      uuid: "db4a44cc-aa72-11f0-ad78-1d7ff0749d07",
      direction: "outbound",
      callMethod: 6,
      startedAtMs: Date.UTC(2025, 9, 16, 9, 31, 13),
      answeredAtMs: null,
      endedAtMs: Date.UTC(2025, 9, 16, 9, 31, 21),
      durationSec: 8,
      billSec: 0,
      extension: null,
      agent: null,
      displayNumber: "219513923001",
      destNumber: "81351111451",
      memberId: null,
      customerId: "76c33d997640d36b033d43b1d2d3964e",
      chengshudu: null,
      userKey: null,
      companyCode: "9513923",
      taskId: null,
      round: 0,
      hangupCause: 10020,
      hangupSide: "caller",
      hangupDirection: "10040",
      downloadIp: null,
      recordFilename: null,
      recordUrl: null,
      ...NO_A_SIDE,
      clientIp: null,
    });
  });

  it("reads an old camel-case push; its 1970 A side and its answer time do not make a call", () => {
    const call = normalizeBillCallback(fixture("bill-callback-2018-camel.json"), TZ);
    expect(call).toEqual<CallRecord>({
      source: "callback",
      vendorSystem: "sip",
      vendorId: 1187,
      uuid: null,
      direction: "outbound",
      callMethod: 0,
      startedAtMs: Date.UTC(2018, 4, 21, 2, 2, 11),
      answeredAtMs: Date.UTC(2018, 4, 21, 2, 2, 40),
      endedAtMs: Date.UTC(2018, 4, 21, 2, 2, 40),
      durationSec: 29,
      billSec: 0,
      extension: "7003",
      agent: "1003",
      displayNumber: "02566823420",
      destNumber: "013812345678",
      memberId: null,
      customerId: null,
      chengshudu: null,
      userKey: null,
      companyCode: "20000013",
      taskId: null,
      round: null,
      hangupCause: 10002,
      hangupSide: "caller",
      hangupDirection: "10040",
      downloadIp: "120.76.152.137",
      recordFilename: null,
      recordUrl: null,
      ...NO_A_SIDE,
      clientIp: null,
    });
  });

  it("prefers the lower-case key when both spellings are sent", () => {
    const call = normalizeBillCallback(
      { starttime: "2020-01-01 08:00:00", startTime: "1999-01-01 00:00:00", billsec: 3, destNumber: "1", destnumber: "2" },
      TZ,
    );
    expect(call.startedAtMs).toBe(Date.UTC(2020, 0, 1, 0, 0, 0));
    expect(call.destNumber).toBe("2");
  });

  it("keeps the A side of a double call, reading 1970-01-01 as no time", () => {
    const call = normalizeBillCallback(
      {
        callmethod: "4",
        starttime: "2020-06-10 16:04:57",
        billsec: "5",
        anumber: "13800000000",
        astarttime: "2020-06-10 16:04:50",
        aanswerTime: "1970-01-01 08:00:00",
        aendtime: "2020-06-10 16:05:02",
        aduration: "12",
        abillsec: 0,
      },
      TZ,
    );
    expect(call).toMatchObject({
      callMethod: 4,
      billSec: 5,
      aNumber: "13800000000",
      aStartedAtMs: Date.UTC(2020, 5, 10, 8, 4, 50),
      aAnsweredAtMs: null,
      aEndedAtMs: Date.UTC(2020, 5, 10, 8, 5, 2),
      aDurationSec: 12,
      aBillSec: 0,
    });
  });

  it("prefers direction over type, and leaves an unknown direction empty", () => {
    const base = { starttime: "2020-01-01 00:00:00", billsec: 0 };
    expect(normalizeBillCallback({ ...base, type: "callout", direction: "callin" }, TZ).direction).toBe("inbound");
    expect(normalizeBillCallback({ ...base, type: "callin", direction: "" }, TZ).direction).toBe("inbound");
    expect(normalizeBillCallback({ ...base, type: "call" }, TZ).direction).toBeNull();
  });

  it("reads crmid before userid, ext when chengshudu is unset, and recordurl", () => {
    const call = normalizeBillCallback(
      { starttime: "2020-01-01 00:00:00", billsec: 1, crmid: "0", userid: "u7", chengshudu: "0", ext: "A", recordurl: " https://rec.example/x.mp3 " },
      TZ,
    );
    expect(call).toMatchObject({ agent: "u7", chengshudu: "A", recordUrl: "https://rec.example/x.mp3" });
  });

  it("ignores unknown fields", () => {
    expect(() => normalizeBillCallback({ starttime: "2020-01-01 00:00:00", billsec: 0, surprise: { a: [1] } }, TZ)).not.toThrow();
  });

  describe("rejects what cannot be a call", () => {
    const valid = fixture("bill-callback.json");

    it.each([
      ["missing starttime", { ...valid, starttime: undefined }, "starttime"],
      ["garbage starttime", { ...valid, starttime: "2018-13-01 00:00:00" }, "starttime"],
      ["numeric starttime", { ...valid, starttime: 1612857945 }, "starttime"],
      ["1970 placeholder as starttime", { ...valid, starttime: "1970-01-01 08:00:00" }, "starttime"],
      ["non-numeric billsec", { ...valid, billsec: "abc" }, "billsec"],
      ["negative billsec", { ...valid, billsec: -1 }, "billsec"],
      ["fractional billsec", { ...valid, billsec: 1.5 }, "billsec"],
      ["missing billsec", { ...valid, billsec: undefined }, "billsec"],
      ["absent billsec", Object.fromEntries(Object.entries(valid).filter(([k]) => k !== "billsec")), "billsec"],
      ["absent starttime", Object.fromEntries(Object.entries(valid).filter(([k]) => k !== "starttime")), "starttime"],
      ["garbage endtime", { ...valid, endtime: "yesterday" }, "endtime"],
      ["garbage answertime", { ...valid, answertime: "2018-02-30 00:00:00" }, "answertime"],
      ["non-numeric duration", { ...valid, duration: "x" }, "duration"],
      ["object as extnumber", { ...valid, extnumber: { n: 1 } }, "extnumber"],
    ])("%s", (_name, raw, field) => {
      const err = thrown(() => normalizeBillCallback(raw, TZ));
      expect(err.field).toBe(field);
      expect(err.message.startsWith(`${field}: `)).toBe(true);
    });

    it("names the value in the message", () => {
      const err = thrown(() => normalizeBillCallback({ ...valid, starttime: "2018-13-01 00:00:00" }, TZ));
      expect(err.message).toBe('starttime: "2018-13-01 00:00:00" is not a time (yyyy-mm-dd hh:mm:ss)');
    });

    it.each([[[valid]], [null], ["bill"], [42]])("a body that is not an object: %j", (raw) => {
      expect(thrown(() => normalizeBillCallback(raw, TZ)).field).toBeNull();
    });
  });

  it("reads empty times as none: empty, null, zero date", () => {
    for (const empty of ["", null, undefined, "0000-00-00 00:00:00", "  "]) {
      const call = normalizeBillCallback({ starttime: "2020-01-01 00:00:00", billsec: 0, answertime: empty, endtime: empty }, TZ);
      expect([call.answeredAtMs, call.endedAtMs]).toEqual([null, null]);
    }
  });

  it("applies the configured vendor zone", () => {
    const call = normalizeBillCallback({ starttime: "2026-07-01 12:00:00", billsec: 0 }, "Europe/Paris");
    expect(call.startedAtMs).toBe(Date.UTC(2026, 6, 1, 10, 0, 0));
  });
});
