import fc from "fast-check";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, writeTransaction } from "@/db/client";
import { calls } from "@/db/schema";
import { callFilterSchema } from "@/lib/filters/call-filter";
import { upsertCall } from "@/lib/ingest/upsert-call";
import { getHangupLabels, putHangupLabelOverrides } from "@/lib/settings/hangup-labels";
import { makeCall, makeTempDb } from "@/lib/testing/temp-db";
import { csvCell, exportHeader, iterateCallsForExport, toCsv, toExportRecord } from "./calls-export";

const TZ = "Asia/Shanghai";
const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"];

describe("csvCell (formula injection)", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    // A sign followed by a digit is not enough: the rest of the cell still runs as a formula.
    ["-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"],
    ["+1+1", "'+1+1"],
    ["- 2+3", "'- 2+3"],
    ["-", "'-"],
    ["+", "'+"],
  ])("neutralizes %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each(["-12", "+12", "-0.5", "+8613912345678", "8613912345678", "13800000000", "02566823420", "12", "", "a=b", "Normal hangup (10001)", "0:01:30"])(
    "keeps %j as it is",
    (value) => {
      expect(csvCell(value)).toBe(value);
    },
  );

  it("never leaves a cell that a spreadsheet runs, and changes nothing but a leading '", () => {
    const starts = fc.constantFrom(...FORMULA_STARTS, "1", "a", "'", " ");
    const cell = fc.oneof(
      fc.string(),
      fc.tuple(starts, fc.string()).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(cell, (value) => {
        const out = csvCell(value);
        expect(out === value || out === `'${value}`).toBe(true);
        const first = out.charAt(0);
        if (first === "+" || first === "-") expect(out).toMatch(/^[+-]\d+(\.\d+)?$/);
        else expect(["=", "@", "\t", "\r"]).not.toContain(first);
      }),
    );
  });
});

describe("toExportRecord on stored calls", () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => ({ db, cleanup } = makeTempDb()));
  afterEach(() => cleanup());

  const filter = callFilterSchema.parse({});
  const column = (name: string) => exportHeader(TZ).indexOf(name);

  it("stores formula-like data as it came and exports it as text, labels included", () => {
    putHangupLabelOverrides(db, { "10001": "=cmd|' /C calc'!A0" });
    const { callId } = writeTransaction(db, () =>
      upsertCall(
        db,
        makeCall({
          agent: '=HYPERLINK("http://evil.example","x")',
          extension: "@SUM(A1)",
          displayNumber: "-1+cmd|' /C calc'!A0",
          destNumber: "+8613912345678",
          memberId: "\t=1+1",
          customerId: "\r=1+1",
          uuid: "+1+1",
          aNumber: "-12",
          hangupCause: 10001,
        }),
        { payload: {} },
      ),
    );

    // Never refused: the row holds the values unchanged.
    const stored = db.select().from(calls).where(eq(calls.id, callId)).get()!;
    expect(stored.agent).toBe('=HYPERLINK("http://evil.example","x")');
    expect(stored.displayNumber).toBe("-1+cmd|' /C calc'!A0");

    const rows = [...iterateCallsForExport(db, filter)];
    expect(rows).toHaveLength(1);
    const record = toExportRecord(rows[0]!, TZ, getHangupLabels(db));
    expect(record[column("Agent")]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(record[column("Extension")]).toBe("'@SUM(A1)");
    expect(record[column("Display number")]).toBe("'-1+cmd|' /C calc'!A0");
    expect(record[column("Destination number")]).toBe("+8613912345678");
    expect(record[column("Member id")]).toBe("'\t=1+1");
    expect(record[column("Customer id")]).toBe("'\r=1+1");
    expect(record[column("UUID")]).toBe("'+1+1");
    expect(record[column("A-side number")]).toBe("-12");
    expect(record[column("Hangup cause")]).toBe("'=cmd|' /C calc'!A0 (10001)");

    // In the CSV text, no field starts with a formula character (fields are quoted when they hold a quote or CR).
    const fields = toCsv([record])
      .replace(/\r\n$/, "")
      .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
      .map((f) => (f.startsWith('"') ? f.slice(1, -1).replaceAll('""', '"') : f));
    expect(fields).toHaveLength(exportHeader(TZ).length);
    for (const f of fields) {
      if (/^[+-]/.test(f)) expect(f).toMatch(/^[+-]\d+(\.\d+)?$/);
      else expect(["=", "@", "\t", "\r"]).not.toContain(f.charAt(0));
    }
  });

  it("keeps ordinary cells as they were", () => {
    writeTransaction(db, () => upsertCall(db, makeCall({ agent: "1001", displayNumber: "02566823420" }), { payload: {} }));
    const [row] = [...iterateCallsForExport(db, filter)];
    const record = toExportRecord(row!, TZ, getHangupLabels(db));
    expect(record[column("Agent")]).toBe("1001");
    expect(record[column("Display number")]).toBe("02566823420");
    expect(record[column("Hangup cause")]).toBe("Normal hangup (10001)");
    expect(record[column("Direction")]).toBe("Outbound");
    expect(record[column("Talk time (s)")]).toBe(90);
  });
});
