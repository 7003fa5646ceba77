import { describe, expect, it } from "vitest";
import { matchPreset, presetRange } from "./time-range";

describe("presetRange", () => {
  const now = Date.UTC(2026, 10, 28, 2, 30); // 10:30 in Shanghai
  it("computes days in the display zone", () => {
    expect(presetRange("today", "Asia/Shanghai", now)).toEqual({ from: Date.UTC(2026, 10, 27, 16), to: Date.UTC(2026, 10, 28, 16) });
    expect(presetRange("yesterday", "Asia/Shanghai", now)).toEqual({ from: Date.UTC(2026, 10, 26, 16), to: Date.UTC(2026, 10, 27, 16) });
    expect(presetRange("today", "UTC", now)).toEqual({ from: Date.UTC(2026, 10, 28), to: Date.UTC(2026, 10, 29) });
  });
  it("covers seven days including today", () => {
    const r = presetRange("7d", "UTC", now);
    expect((r.to - r.from) / 86_400_000).toBe(7);
  });
  it("recognises its own ranges", () => {
    const r = presetRange("month", "Asia/Shanghai", now);
    expect(matchPreset(r.from, r.to, "Asia/Shanghai", now)).toBe("month");
    expect(matchPreset(r.from, r.to + 1, "Asia/Shanghai", now)).toBeUndefined();
  });
});
