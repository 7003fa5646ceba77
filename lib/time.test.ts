import { describe, expect, it } from "vitest";
import { formatDuration, formatZonedTime, parseZonedTime, startOfZonedDay } from "./time";

describe("parseZonedTime", () => {
  it("reads Beijing wall-clock time as UTC", () => {
    expect(parseZonedTime("2018-03-14 12:18:21", "Asia/Shanghai")).toBe(Date.UTC(2018, 2, 14, 4, 18, 21));
  });
  it("honours daylight saving in other zones", () => {
    expect(parseZonedTime("2026-07-01 12:00:00", "Europe/Paris")).toBe(Date.UTC(2026, 6, 1, 10, 0, 0));
    expect(parseZonedTime("2026-01-01 12:00:00", "Europe/Paris")).toBe(Date.UTC(2026, 0, 1, 11, 0, 0));
  });
  it("rejects what is not a time", () => {
    for (const bad of ["", "2018-03-14", "2018-02-30 00:00:00", "2018-13-01 00:00:00", "1612857945", "null"]) {
      expect(parseZonedTime(bad, "Asia/Shanghai")).toBeNull();
    }
  });
  it("round-trips with formatZonedTime", () => {
    const ms = Date.UTC(2025, 9, 16, 9, 31, 13);
    expect(formatZonedTime(ms, "Asia/Shanghai")).toBe("2025-10-16 17:31:13");
    expect(parseZonedTime(formatZonedTime(ms, "America/New_York"), "America/New_York")).toBe(ms);
  });
});

describe("formatDuration", () => {
  it("shows h:mm:ss", () => {
    expect(formatDuration(0)).toBe("0:00:00");
    expect(formatDuration(3725)).toBe("1:02:05");
    expect(formatDuration(null)).toBe("");
  });
});

describe("startOfZonedDay", () => {
  it("is midnight in the zone", () => {
    expect(startOfZonedDay(Date.UTC(2026, 10, 28, 2, 0, 0), "Asia/Shanghai")).toBe(Date.UTC(2026, 10, 27, 16, 0, 0));
  });
});
