import { describe, expect, it } from "vitest";
import { anyTokenMatches, callbackTokenProblems } from "./callback-access";

describe("anyTokenMatches", () => {
  const tokens = ["new-callback-token-2026", "old-callback-token-2025"];
  it("accepts any of several tokens", () => {
    expect(anyTokenMatches("new-callback-token-2026", tokens)).toBe(true);
    expect(anyTokenMatches("old-callback-token-2025", tokens)).toBe(true);
    expect(anyTokenMatches("only-callback-token-1", ["only-callback-token-1"])).toBe(true);
  });
  it("refuses anything else: another token, a prefix, a longer string, the empty token", () => {
    for (const given of ["other-callback-token-00", "new-callback-token-202", "new-callback-token-20266", "NEW-CALLBACK-TOKEN-2026", ""]) {
      expect(anyTokenMatches(given, tokens), given).toBe(false);
    }
    expect(anyTokenMatches("", [""])).toBe(false);
    expect(anyTokenMatches("new-callback-token-2026", [])).toBe(false);
  });
});

describe("callbackTokenProblems", () => {
  it("accepts tokens of 16 characters or more", () => {
    expect(callbackTokenProblems(["0123456789abcdef", "a-much-longer-random-secret"])).toEqual([]);
  });
  it("names each short token by position, and the placeholder, without quoting a secret", () => {
    const problems = callbackTokenProblems(["0123456789abcdef", "short", "change-me-to-a-long-random-string"]);
    expect(problems).toEqual([
      "token 2 of 3 has 5 characters; each token must have at least 16",
      "token 3 of 3 is the .env.example placeholder (change-me-to-a-long-random-string): set a long random secret",
    ]);
  });
});
