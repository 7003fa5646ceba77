import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import type { CallRecord } from "@/lib/calls";
import { cdrsReplySchema, normalizeCdrsRecord } from "./cdrs";
import { VendorPayloadError } from "./errors";

const TZ = "Asia/Shanghai";
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

describe("cdrsReplySchema", () => {
  it("reads the documented reply; records stay raw", () => {
    const reply = cdrsReplySchema.parse(fixture("cdrs-reply.json"));
    expect(reply).toMatchObject({ code: 1, msg: "successful request", data: { page: 1, per_page: 1, total: 238 } });
    expect(reply.data?.data).toHaveLength(1);
  });

  it("reads error replies without data", () => {
    expect(cdrsReplySchema.parse({ code: 1005, msg: "bad appid" }).data).toBeUndefined();
    expect(cdrsReplySchema.parse({ code: "1001", msg: "parameter error", data: null })).toEqual({ code: 1001, msg: "parameter error", data: null });
  });
});

describe("normalizeCdrsRecord", () => {
  it("reads the documented record (no callmethod, so no A side)", () => {
    const reply = cdrsReplySchema.parse(fixture("cdrs-reply.json"));
    expect(normalizeCdrsRecord(reply.data?.data[0], TZ)).toEqual<CallRecord>({
      source: "cdrs",
      vendorSystem: "cdrs",
      vendorId: 123456,
      uuid: null,
      direction: "outbound",
      callMethod: null,
      startedAtMs: Date.UTC(2020, 5, 10, 8, 4, 57),
      answeredAtMs: null,
      endedAtMs: Date.UTC(2020, 5, 10, 8, 4, 59),
      durationSec: 2,
      billSec: 0,
      extension: null,
      agent: null,
      displayNumber: "917045100378",
      destNumber: "81599955",
      memberId: null,
      customerId: null,
      chengshudu: null,
      userKey: null,
      companyCode: null,
      taskId: null,
      round: null,
      hangupCause: null,
      hangupSide: "callee",
      hangupDirection: "callee",
      downloadIp: null,
      recordFilename: null,
      recordUrl: null,
      aNumber: null,
      aStartedAtMs: null,
      aAnsweredAtMs: null,
      aEndedAtMs: null,
      aDurationSec: null,
      aBillSec: null,
      clientIp: null,
    });
  });

  it('keeps the A side of a double call (callmethod "4")', () => {
    const call = normalizeCdrsRecord(
      {
        id: 9,
        callmethod: "4",
        context: "callout",
        starttime: "2020-06-10 16:05:10",
        answertime: "2020-06-10 16:05:20",
        endtime: "2020-06-10 16:06:20",
        duration: 70,
        billsec: 60,
        anumber: "13900000000",
        astarttime: "2020-06-10 16:04:57",
        aanswertime: "2020-06-10 16:05:05",
        aendtime: "2020-06-10 16:06:20",
        aduration: "83",
        abillsec: "75",
        clientip: "10.0.0.8",
        userid: "42",
      },
      TZ,
    );
    expect(call).toMatchObject({
      vendorId: 9,
      callMethod: 4,
      billSec: 60,
      agent: "42",
      clientIp: "10.0.0.8",
      aNumber: "13900000000",
      aStartedAtMs: Date.UTC(2020, 5, 10, 8, 4, 57),
      aAnsweredAtMs: Date.UTC(2020, 5, 10, 8, 5, 5),
      aEndedAtMs: Date.UTC(2020, 5, 10, 8, 6, 20),
      aDurationSec: 83,
      aBillSec: 75,
    });
  });

  it("drops the A side on other call methods", () => {
    const call = normalizeCdrsRecord({ callmethod: "5", starttime: "2020-06-10 16:04:57", billsec: 0, anumber: "1", abillsec: 3 }, TZ);
    expect([call.callMethod, call.aNumber, call.aBillSec]).toEqual([5, null, null]);
  });

  it("rejects a record with a bad start time", () => {
    expect(() => normalizeCdrsRecord({ id: 1, starttime: "2020-06-10", billsec: 0 }, TZ)).toThrow(VendorPayloadError);
  });
});
