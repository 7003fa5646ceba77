import { describe, expect, it } from "vitest";

import { generateCalls, makeCall, mulberry32 } from "./call-universe";

const NOW = Date.UTC(2026, 10, 28);
const OPTS = { seed: 42, count: 4000, fromMs: NOW - 7 * 86_400_000, toMs: NOW };

describe("generateCalls", () => {
  const calls = generateCalls(OPTS);

  it("is deterministic for a seed and differs across seeds", () => {
    expect(generateCalls(OPTS)).toEqual(calls);
    expect(generateCalls({ ...OPTS, seed: 43 })[0]).not.toEqual(calls[0]);
  });

  it("makes the requested count in the window, whole seconds, ids increasing with end time", () => {
    expect(calls).toHaveLength(4000);
    for (const [i, c] of calls.entries()) {
      expect(c.startMs).toBeGreaterThanOrEqual(OPTS.fromMs - 1000);
      expect(c.startMs).toBeLessThan(OPTS.toMs);
      expect(c.startMs % 1000).toBe(0);
      expect(c.endMs).toBeGreaterThan(c.startMs);
      const prev = calls[i - 1];
      if (prev) {
        expect(c.id).toBeGreaterThan(prev.id);
        expect(c.cdrsId).toBeGreaterThan(prev.cdrsId);
        expect(c.endMs).toBeGreaterThanOrEqual(prev.endMs);
      }
    }
    expect(new Set(calls.map((c) => c.uuid)).size).toBe(calls.length);
  });

  it("answers 60-70% of calls; billsec > 0 exactly when answered", () => {
    const rate = calls.filter((c) => c.answered).length / calls.length;
    expect(rate).toBeGreaterThan(0.6);
    expect(rate).toBeLessThan(0.72);
    for (const c of calls) {
      expect(c.billSec > 0).toBe(c.answered);
      expect(c.durationSec).toBe((c.endMs - c.startMs) / 1000);
      if (c.answered) {
        expect(c.answerMs).not.toBeNull();
        expect(c.billSec).toBe((c.endMs - (c.answerMs ?? 0)) / 1000);
        expect(c.recordFilename).toMatch(/^\d{8}\/\d+_[0-9a-f-]{36}\.wav$/);
      } else {
        expect(c.recordFilename).toBe("");
      }
    }
  });

  it("spreads talk time around a 90 s median with a long tail capped at 30 min", () => {
    const talk = calls
      .filter((c) => c.answered)
      .map((c) => c.billSec)
      .sort((a, b) => a - b);
    const median = talk[Math.floor(talk.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(60);
    expect(median).toBeLessThan(130);
    expect(Math.max(...talk)).toBeLessThanOrEqual(1800);
    expect(talk.filter((s) => s > 600).length).toBeGreaterThan(0);
  });

  it("mixes directions, call methods, hangup causes and callback editions", () => {
    const share = (pred: (c: (typeof calls)[number]) => boolean) => calls.filter(pred).length / calls.length;
    expect(share((c) => c.direction === "callout")).toBeGreaterThan(0.7);
    expect(share((c) => c.direction === "callin")).toBeGreaterThan(0.1);
    for (const m of [1, 2, 3, 4, 5, 6]) expect(share((c) => c.callMethod === m)).toBeGreaterThan(0.02);
    expect(share((c) => c.callMethod === 3)).toBeGreaterThan(0.3);
    expect(share((c) => c.answered && c.hangupCause === 10001)).toBeGreaterThan(0.55);
    for (const cause of [10016, 10006, 10002, 10020, 10015]) expect(calls.some((c) => !c.answered && c.hangupCause === cause)).toBe(true);
    expect(new Set(calls.map((c) => c.callbackEdition))).toEqual(new Set(["classic", "2025", "predictive"]));
    expect(new Set(calls.map((c) => c.userKey))).toEqual(new Set([1, "#", ""]));
    expect(new Set(calls.filter((c) => c.extension).map((c) => c.extension)).size).toBe(8);
  });

  it("gives double calls an A side and nothing else one", () => {
    for (const c of calls) expect(c.aSide !== null).toBe(c.callMethod === 4);
  });

  it("puts customers on Chinese mobiles and landlines", () => {
    const customers = calls.map((c) => c.customerNumber);
    expect(customers.filter((n) => /^1[3-9]\d{9}$/.test(n)).length / customers.length).toBeGreaterThan(0.8);
    expect(customers.every((n) => /^(1\d{10}|0\d{10,11})$/.test(n))).toBe(true);
  });
});

describe("makeCall", () => {
  it("is deterministic for the same rng state and uses the given downloadip", () => {
    const a = makeCall(mulberry32(5), NOW, 1, { downloadIp: "127.0.0.1:9999" });
    const b = makeCall(mulberry32(5), NOW, 1, { downloadIp: "127.0.0.1:9999" });
    expect(a).toEqual(b);
    expect(a.startMs).toBe(NOW);
    const recorded = Array.from({ length: 50 }, (_, i) => makeCall(mulberry32(i), NOW, i, { downloadIp: "127.0.0.1:9999" })).find((c) => c.answered);
    expect(recorded?.downloadIp).toBe("127.0.0.1:9999");
  });
});
