import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { normalizeBillCallback } from "./bill-callback";
import { normalizeCdrsRecord } from "./cdrs";
import { VendorPayloadError } from "./errors";
import { normalizeGetBillBill } from "./getbill";

const TZ = "Asia/Shanghai";

type Parts = { y: number; mo: number; d: number; h: number; mi: number; s: number };

/** Valid wall-clock parts; `minYear` skips 1970 (the vendor's "no time" placeholder) and Shanghai's 1986–91 DST. */
const partsArb = (minYear: number) =>
  fc
    .record({
      y: fc.integer({ min: minYear, max: 2099 }),
      mo: fc.integer({ min: 1, max: 12 }),
      h: fc.integer({ min: 0, max: 23 }),
      mi: fc.integer({ min: 0, max: 59 }),
      s: fc.integer({ min: 0, max: 59 }),
    })
    .chain((p) => fc.integer({ min: 1, max: new Date(Date.UTC(p.y, p.mo, 0)).getUTCDate() }).map((d): Parts => ({ ...p, d })));

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const vendorTime = (p: Parts) => `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
/** Beijing is UTC+8 all year since 1992. */
const beijingMs = (p: Parts) => Date.UTC(p.y, p.mo - 1, p.d, p.h - 8, p.mi, p.s);

const digits = fc.stringMatching(/^[1-9][0-9]{2,11}$/);
const code = fc.integer({ min: 10001, max: 10041 });

const modelArb = fc.record({
  id: fc.option(fc.nat({ max: 2 ** 31 }), { nil: null }),
  callmethod: fc.integer({ min: 0, max: 6 }),
  direction: fc.constantFrom("callin", "callout"),
  start: partsArb(1992),
  answer: fc.option(partsArb(1992), { nil: null }),
  end: fc.option(partsArb(1992), { nil: null }),
  duration: fc.option(fc.nat({ max: 86_400 }), { nil: null }),
  billsec: fc.nat({ max: 86_400 }),
  hangupcause: fc.option(code, { nil: null }),
  hangupdirection: code,
  companycode: fc.nat({ max: 99_999_999 }),
  userkey: fc.option(fc.constantFrom("0", "1", "5", "9", "#", "*"), { nil: null }),
  crmid: fc.option(digits, { nil: null }),
  memberid: fc.option(digits, { nil: null }),
  customuuid: fc.option(digits, { nil: null }),
  disnumber: digits,
  destnumber: digits,
  extnumber: fc.option(digits, { nil: null }),
  round: fc.option(fc.nat({ max: 10 }), { nil: null }),
});
type Model = typeof modelArb extends fc.Arbitrary<infer T> ? T : never;

/** The bill as the documents type it: numbers as numbers, "" for no time, "0" for an unset custom parameter. */
function canonical(m: Model): Record<string, unknown> {
  const bill: Record<string, unknown> = {
    type: m.direction,
    callmethod: m.callmethod,
    starttime: vendorTime(m.start),
    answertime: m.answer ? vendorTime(m.answer) : "",
    endtime: m.end ? vendorTime(m.end) : "",
    billsec: m.billsec,
    hangupdirection: m.hangupdirection,
    companycode: m.companycode,
    userkey: m.userkey ?? "",
    crmid: m.crmid ?? "0",
    memberid: m.memberid ?? "0",
    customuuid: m.customuuid ?? "0",
    disnumber: m.disnumber,
    destnumber: m.destnumber,
    extnumber: m.extnumber ?? "",
  };
  if (m.id !== null) bill.id = m.id;
  if (m.duration !== null) bill.duration = m.duration;
  if (m.hangupcause !== null) bill.hangupcause = m.hangupcause;
  if (m.round !== null) bill.round = m.round;
  return bill;
}

const CAMEL: Record<string, string> = {
  starttime: "startTime",
  endtime: "endTime",
  answertime: "answerTime",
  disnumber: "disNumber",
  destnumber: "destNumber",
  extnumber: "extNumber",
  hangupcause: "hangupCause",
  hangupdirection: "hangupDirection",
};

const MISSING = Symbol("missing");

/** The same bill with the drift the documents and old pushes show, steered by `choices`. */
function drifted(m: Model, choices: readonly number[]): Record<string, unknown> {
  let i = 0;
  const pick = <T>(...options: T[]): T => options[(choices[i++ % choices.length] ?? 0) % options.length]!;
  const num = (n: number) => pick<unknown>(n, String(n));
  const noNum = () => pick<unknown>(MISSING, null, "");
  const noTime = () => pick<unknown>(MISSING, null, "", "0000-00-00 00:00:00");
  const unset = () => pick<unknown>(MISSING, null, "", "0");

  const fields: Record<string, unknown> = {
    callmethod: num(m.callmethod),
    starttime: vendorTime(m.start),
    answertime: m.answer ? vendorTime(m.answer) : noTime(),
    endtime: m.end ? vendorTime(m.end) : noTime(),
    duration: m.duration === null ? noNum() : num(m.duration),
    billsec: num(m.billsec),
    hangupcause: m.hangupcause === null ? noNum() : num(m.hangupcause),
    hangupdirection: num(m.hangupdirection),
    companycode: num(m.companycode),
    userkey: m.userkey === null ? pick<unknown>(MISSING, "") : /^\d$/.test(m.userkey) ? num(Number(m.userkey)) : m.userkey,
    memberid: m.memberid ?? unset(),
    customuuid: m.customuuid ?? unset(),
    disnumber: m.disnumber,
    destnumber: m.destnumber,
    extnumber: m.extnumber ?? pick<unknown>(MISSING, null, ""),
    id: m.id === null ? noNum() : num(m.id),
    round: m.round === null ? noNum() : num(m.round),
  };
  // The agent: `crmid` (documents) or `userid` (2025 edition).
  fields[pick("crmid", "userid")] = m.crmid ?? unset();
  // The direction: `type` alone, `type` and `direction` agreeing, or `direction` beside a `type` that is no direction.
  const both = pick(0, 1, 2);
  fields.type = both === 2 ? "call" : m.direction;
  if (both > 0) fields.direction = m.direction;

  const bill: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === MISSING) continue;
    const camel = CAMEL[key];
    bill[camel !== undefined && pick(false, true) ? camel : key] = value;
  }
  return bill;
}

describe("bill normalizers under type drift", () => {
  it("read a drifted bill callback exactly as its canonical form", () => {
    fc.assert(
      fc.property(modelArb, fc.array(fc.nat({ max: 1000 }), { minLength: 64, maxLength: 64 }), (m, choices) => {
        const expected = normalizeBillCallback(canonical(m), TZ);
        expect(normalizeBillCallback(drifted(m, choices), TZ)).toEqual(expected);
        expect(expected.startedAtMs).toBe(beijingMs(m.start));
        expect(expected.billSec).toBe(m.billsec);
        expect(expected.userKey).toBe(m.userkey);
        expect(expected.companyCode).toBe(String(m.companycode));
      }),
      { numRuns: 300 },
    );
  });

  const garbageBillsec = fc.oneof(
    fc.string().filter((s) => !/^\d+$/.test(s.trim())),
    fc.double().filter((x) => !(Number.isSafeInteger(x) && x >= 0)),
    fc.integer({ max: -1 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.nat(), { maxLength: 2 }),
    fc.dictionary(fc.string(), fc.nat(), { maxKeys: 2 }),
  );

  it.each([
    ["normalizeBillCallback", normalizeBillCallback],
    ["normalizeGetBillBill", normalizeGetBillBill],
    ["normalizeCdrsRecord", normalizeCdrsRecord],
  ])("%s rejects any billsec that is not a whole number, naming billsec", (_name, normalize) => {
    fc.assert(
      fc.property(garbageBillsec, (billsec) => {
        try {
          normalize({ id: 1, starttime: "2020-01-01 00:00:00", billsec }, TZ);
        } catch (err) {
          return err instanceof VendorPayloadError && err.field === "billsec";
        }
        return false;
      }),
    );
  });
});

describe("vendor times", () => {
  it("read any valid Beijing wall-clock time as its UTC instant, in every source", () => {
    fc.assert(
      fc.property(partsArb(1992), (p) => {
        const raw = { starttime: vendorTime(p), endtime: vendorTime(p), billsec: 0 };
        const ms = beijingMs(p);
        for (const call of [normalizeBillCallback(raw, TZ), normalizeGetBillBill(raw, TZ), normalizeCdrsRecord(raw, TZ)]) {
          expect([call.startedAtMs, call.endedAtMs]).toEqual([ms, ms]);
        }
      }),
    );
  });

  it("read times in whatever zone is configured", () => {
    fc.assert(
      fc.property(partsArb(1971), (p) => {
        const call = normalizeBillCallback({ starttime: vendorTime(p), billsec: "0" }, "UTC");
        expect(call.startedAtMs).toBe(Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s));
      }),
    );
  });
});
