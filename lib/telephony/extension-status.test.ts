import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import type { ExtensionEvent } from "@/lib/calls";
import { decodeCallbackBody } from "./callback-body";
import { VendorPayloadError } from "./errors";
import { normalizeExtensionStatus } from "./extension-status";

const fixtureText = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("normalizeExtensionStatus", () => {
  it("reads the documented ring sample (urlencoded field detail)", async () => {
    const body = new TextEncoder().encode(new URLSearchParams({ detail: fixtureText("extension-status.json") }).toString());
    const raw = await decodeCallbackBody(body, "application/x-www-form-urlencoded");
    expect(normalizeExtensionStatus(raw)).toEqual<ExtensionEvent>({
      uuid: "9c568ac8-6aad-11eb-a1b3-5107cdf1d50a",
      buuid: "9c6f2092-6aad-11eb-a1b9-5107cdf1d50a",
      extension: "20280005",
      caller: "20280005",
      callee: "89683227899",
      displayNumber: "2120280001",
      direction: "outbound",
      method: 2,
      status: "ring",
      eventAtMs: 1612857945 * 1000,
      companyCode: "2028",
      isBLeg: true,
    });
  });

  it("accepts numbers and booleans where the sample has text", () => {
    const event = normalizeExtensionStatus({ uuid: "u", status: "hangup", starttime: 1612857945, method: 5, isbleg: false, direction: "callin" });
    expect(event).toMatchObject({ eventAtMs: 1612857945000, method: 5, isBLeg: false, direction: "inbound", buuid: null });
  });

  it.each([
    ["status", { uuid: "u", status: "busy", starttime: "1612857945" }],
    ["starttime", { uuid: "u", status: "ring", starttime: "2021-02-09 10:00:03" }],
    ["starttime", { uuid: "u", status: "ring" }],
    ["uuid", { uuid: "", status: "ring", starttime: "1612857945" }],
    ["isbleg", { uuid: "u", status: "ring", starttime: "1612857945", isbleg: "maybe" }],
    ["method", { uuid: "u", status: "ring", starttime: "1612857945", method: "two" }],
  ])("rejects a bad %s", (field, raw) => {
    expect(() => normalizeExtensionStatus(raw)).toThrow(VendorPayloadError);
    try {
      normalizeExtensionStatus(raw);
    } catch (err) {
      expect((err as VendorPayloadError).field).toBe(field);
    }
  });
});
