import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import type { CallRecord } from "@/lib/calls";
import { VendorPayloadError } from "./errors";
import { getBillReplySchema, normalizeGetBillBill } from "./getbill";

const TZ = "Asia/Shanghai";
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

describe("getBillReplySchema", () => {
  it("reads the documented reply; bills stay raw", () => {
    const reply = getBillReplySchema.parse(fixture("getbill-reply.json"));
    expect(reply.ret).toBe(200);
    expect(reply.msg).toBe("");
    expect(reply.data?.status).toBe(0);
    expect(reply.data?.desc).toBe("get success");
    expect(reply.data?.reqtime).toBe(1581502410);
    expect(reply.data?.result).toMatchObject({ totalitems: 8151, currentpage: 1, itemsperpage: 10 });
    expect(reply.data?.result?.bills).toHaveLength(1);
  });

  it("reads an error reply without result, with numbers as text", () => {
    const reply = getBillReplySchema.parse({
      ret: "600",
      data: { status: "1", desc: "token invalid", errors: { code: 600, codemsg: "token invalid" } },
      msg: "token invalid",
    });
    expect(reply).toMatchObject({ ret: 600, data: { status: 1, errors: { code: 600 } } });
    expect(reply.data?.result).toBeUndefined();
    expect(getBillReplySchema.parse({ ret: 500, msg: "server error" }).data).toBeUndefined();
  });

  it("reads a page of numeric-string counts with no bills", () => {
    const reply = getBillReplySchema.parse({ ret: 200, data: { result: { totalitems: "0", currentpage: "1", itemsperpage: "1000", bills: null } } });
    expect(reply.data?.result).toEqual({ totalitems: 0, currentpage: 1, itemsperpage: 1000, bills: [] });
  });
});

describe("normalizeGetBillBill", () => {
  it("reads the documented bill", () => {
    const reply = getBillReplySchema.parse(fixture("getbill-reply.json"));
    expect(normalizeGetBillBill(reply.data?.result?.bills[0], TZ)).toEqual<CallRecord>({
      source: "getbill",
      vendorSystem: "sip",
      vendorId: 22670,
      uuid: null,
      direction: "outbound",
      callMethod: 6,
      startedAtMs: Date.UTC(2019, 8, 27, 6, 58, 37),
      answeredAtMs: null,
      endedAtMs: Date.UTC(2019, 8, 27, 6, 59, 5),
      durationSec: 28,
      billSec: 0,
      extension: null,
      agent: null,
      displayNumber: "2190170001",
      destNumber: "13387525701",
      memberId: null,
      customerId: null,
      chengshudu: null,
      userKey: "#",
      companyCode: null,
      taskId: null,
      round: null,
      hangupCause: 10020,
      hangupSide: "callee",
      hangupDirection: "10041",
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

  it("reads an answered inbound bill with text numbers", () => {
    const call = normalizeGetBillBill(
      {
        id: "7",
        starttime: "2020-01-01 09:00:00",
        answertime: "2020-01-01 09:00:05",
        endtime: "2020-01-01 09:01:05",
        duration: "65",
        billsec: "60",
        direction: "callin",
        userid: "agent-1",
      },
      TZ,
    );
    expect(call).toMatchObject({
      vendorId: 7,
      direction: "inbound",
      answeredAtMs: Date.UTC(2020, 0, 1, 1, 0, 5),
      durationSec: 65,
      billSec: 60,
      agent: "agent-1",
    });
  });

  it("rejects a bill without a start time or talk time", () => {
    expect(() => normalizeGetBillBill({ id: 1, billsec: 0 }, TZ)).toThrow(VendorPayloadError);
    expect(() => normalizeGetBillBill({ id: 1, starttime: "2020-01-01 00:00:00", billsec: "n/a" }, TZ)).toThrow(/^billsec: "n\/a" is not a whole number$/);
  });
});
