import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

const ORIGIN = "https://app.example";

describe("safeNextPath", () => {
  it.each([
    ["/calls", "/calls"],
    ["/calls?direction=inbound&page=2", "/calls?direction=inbound&page=2"],
    ["/analytics#hourly", "/analytics#hourly"],
    ["/live", "/live"],
    ["/settings/hangup-labels", "/settings/hangup-labels"],
    ["/login/", "/login/"],
    ["/calls?next=//evil.example", "/calls?next=//evil.example"],
    // Normalized by the parser, as the browser would.
    ["/a/../calls", "/calls"],
    ["/calls?q=a b", "/calls?q=a%20b"],
    // Percent-encoded characters stay encoded: a path of this app, not another host.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
  ])("keeps the path %j as %j", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    [undefined],
    [null],
    [""],
    ["calls"],
    ["https://evil.example/"],
    ["http:evil.example"],
    ["javascript:alert(1)"],
    ["//evil.example"],
    ["///evil.example"],
    ["/\\evil.example"],
    ["\\/evil.example"],
    ["/\\/evil.example"],
    // Browsers strip tab, CR and LF from URLs: each of these would become "//evil.example".
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\r/evil.example"],
    ["/\r\n/evil.example"],
    ["\t//evil.example"],
    [" //evil.example"],
    ["/\u0000/evil.example"],
    ["/calls\u007f"],
    ["/calls\u0085"],
    // "/." + "//host" normalizes to the path "//host".
    ["/.//evil.example"],
    ["/./\\evil.example"],
    ["/%2e//evil.example"],
    // The sign-in page (a loop) and API routes (JSON, not a page), also once normalized.
    ["/login"],
    ["/login?next=/calls"],
    ["/login#x"],
    ["/./login"],
    ["/x/../login"],
    ["/api"],
    ["/api/calls"],
    ["/api/calls/export?x=1"],
    ["/calls/../api/calls"],
    ["/%2e%2e/api/calls"],
  ])("refuses %j", (next) => {
    expect(safeNextPath(next)).toBe("/calls");
  });

  it("refuses the query string /login?next=%2F%09%2Fevil.example carries once decoded", () => {
    const next = new URLSearchParams("next=%2F%09%2Fevil.example").get("next");
    expect(next).toBe("/\t/evil.example");
    expect(safeNextPath(next)).toBe("/calls");
  });

  it("never leads off the app's origin, whatever the input", () => {
    const piece = fc.constantFrom(
      "/",
      "//",
      "\\",
      "\t",
      "\n",
      "\r",
      ".",
      "..",
      "%2F",
      "%5C",
      "%09",
      "%2e",
      ":",
      "@",
      "?",
      "#",
      " ",
      "\u0000",
      "evil.example",
      "login",
      "api",
      "calls",
      "https:",
    );
    const input = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.array(piece, { maxLength: 8 }).map((parts) => parts.join("")),
      fc.array(piece, { maxLength: 8 }).map((parts) => `/${parts.join("")}`),
    );
    fc.assert(
      fc.property(input, (next) => {
        const result = safeNextPath(next);
        expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
        // What a browser does to the URL first (strip tabs and newlines, read \ as /) does not change that either.
        expect(new URL(result.replace(/[\t\n\r]/g, ""), ORIGIN).origin).toBe(ORIGIN);
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect(result).not.toMatch(/[\u0000-\u001f\u007f\\]/);
      }),
      { numRuns: 5000 },
    );
  });

  it("is stable: what it returns, it keeps", () => {
    fc.assert(
      fc.property(fc.string(), (next) => {
        const once = safeNextPath(`/${next}`);
        expect(safeNextPath(once)).toBe(once);
      }),
    );
  });
});
