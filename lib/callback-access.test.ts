import { describe, expect, it } from "vitest";
import { anyTokenMatches, callbackTokenProblems, IpAllowList } from "./callback-access";

const allowList = (value: string) => {
  const parsed = IpAllowList.parse(value);
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return parsed.list;
};

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

describe("IpAllowList", () => {
  it("matches single IPv4 addresses and IPv4 CIDR ranges", () => {
    const list = allowList("203.0.113.7, 198.51.100.0/24, 10.0.0.0/8");
    for (const ip of ["203.0.113.7", "198.51.100.0", "198.51.100.255", "10.200.3.4"]) expect(list.allows(ip), ip).toBe(true);
    for (const ip of ["203.0.113.8", "198.51.101.1", "11.0.0.1", "192.0.2.1"]) expect(list.allows(ip), ip).toBe(false);
  });
  it("matches IPv6 addresses and ranges, however they are written", () => {
    const list = allowList("2001:db8::1, 2001:db8:aaaa::/48");
    for (const ip of ["2001:db8::1", "2001:DB8:0:0:0:0:0:1", "2001:db8:aaaa:1::5", "[2001:db8::1]:443"]) expect(list.allows(ip), ip).toBe(true);
    for (const ip of ["2001:db8::2", "2001:db8:aaab::1", "::1"]) expect(list.allows(ip), ip).toBe(false);
  });
  it("takes an IPv4-mapped IPv6 caller (::ffff:1.2.3.4) as its IPv4 address", () => {
    const list = allowList("1.2.3.4, 10.0.0.0/8");
    expect(list.allows("::ffff:1.2.3.4")).toBe(true);
    expect(list.allows("::FFFF:10.9.8.7")).toBe(true);
    expect(list.allows("::ffff:102:304")).toBe(true);
    expect(list.allows("::ffff:1.2.3.5")).toBe(false);
    expect(list.allows("::ffff:11.0.0.1")).toBe(false);
  });
  it("takes an IPv4 caller against an IPv4-mapped IPv6 entry", () => {
    expect(allowList("::ffff:1.2.3.4").allows("1.2.3.4")).toBe(true);
  });
  it("reads an address with a port, and refuses a missing or unreadable address", () => {
    const list = allowList("127.0.0.1, ::1");
    expect(list.allows("127.0.0.1:51234")).toBe(true);
    expect(list.allows(" 127.0.0.1 ")).toBe(true);
    for (const ip of [null, undefined, "", "unknown", "127.0.0.1, 10.0.0.1", "localhost", "fe80::1%eth0"]) expect(list.allows(ip), String(ip)).toBe(false);
  });
  it("allows everything only when told: 0.0.0.0/0 and ::/0", () => {
    const list = allowList("0.0.0.0/0, ::/0");
    expect(list.allows("192.0.2.1")).toBe(true);
    expect(list.allows("2001:db8::1")).toBe(true);
  });
  it("names every bad entry", () => {
    const parsed = IpAllowList.parse("10.0.0.0/33, 1.2.3.4, vendor.example, fe80::1%eth0");
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      'has "10.0.0.0/33", whose prefix length must be a number from 0 to 32',
      'has "vendor.example", which is not an IPv4 or IPv6 address or a CIDR range (such as 203.0.113.0/24 or 2001:db8::/32)',
      'has "fe80::1%eth0", which is not an IPv4 or IPv6 address or a CIDR range (such as 203.0.113.0/24 or 2001:db8::/32)',
    ]);
  });
});
