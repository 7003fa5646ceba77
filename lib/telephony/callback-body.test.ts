import { describe, expect, it } from "vitest";

import { decodeCallbackBody } from "./callback-body";
import { VendorPayloadError } from "./errors";

const DETAIL = { uuid: "u-1", status: "ring", starttime: "1612857945" };
const utf8 = (text: string) => new TextEncoder().encode(text);

async function multipart(fields: Record<string, string | Blob>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const req = new Request("http://localhost/api/callbacks/status", { method: "POST", body: form });
  return { body: new Uint8Array(await req.arrayBuffer()), contentType: req.headers.get("content-type") };
}

async function rejection(body: Uint8Array, contentType: string | null): Promise<VendorPayloadError> {
  try {
    await decodeCallbackBody(body, contentType);
  } catch (err) {
    if (err instanceof VendorPayloadError) return err;
    throw err;
  }
  throw new Error("expected a VendorPayloadError");
}

describe("decodeCallbackBody", () => {
  it.each(["application/json", "application/json; charset=utf-8", "text/plain", null, "application/octet-stream"])("reads JSON sent as %s", async (type) => {
    expect(await decodeCallbackBody(utf8(` ${JSON.stringify(DETAIL)}\n`), type)).toEqual(DETAIL);
  });

  it("strips a UTF-8 byte order mark", async () => {
    expect(await decodeCallbackBody(utf8(`\uFEFF${JSON.stringify(DETAIL)}`), "application/json")).toEqual(DETAIL);
  });

  it("reads the urlencoded field detail", async () => {
    const body = utf8(new URLSearchParams({ detail: JSON.stringify(DETAIL), other: "x" }).toString());
    expect(await decodeCallbackBody(body, "application/x-www-form-urlencoded; charset=UTF-8")).toEqual(DETAIL);
  });

  it("reads a urlencoded detail posted without a content type", async () => {
    const body = utf8(new URLSearchParams({ detail: JSON.stringify(DETAIL) }).toString());
    expect(await decodeCallbackBody(body, null)).toEqual(DETAIL);
  });

  it("reads the multipart field detail", async () => {
    const { body, contentType } = await multipart({ detail: JSON.stringify(DETAIL), other: "x" });
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(await decodeCallbackBody(body, contentType)).toEqual(DETAIL);
  });

  it("reads a multipart detail sent as a file part", async () => {
    const { body, contentType } = await multipart({ detail: new Blob([JSON.stringify(DETAIL)], { type: "application/json" }) });
    expect(await decodeCallbackBody(body, contentType)).toEqual(DETAIL);
  });

  it("rejects a form without detail", async () => {
    const { body, contentType } = await multipart({ data: JSON.stringify(DETAIL) });
    expect((await rejection(body, contentType)).field).toBe("detail");
    expect((await rejection(utf8("data=1"), "application/x-www-form-urlencoded")).field).toBe("detail");
  });

  it("rejects a detail that is not a JSON object", async () => {
    const { body, contentType } = await multipart({ detail: "{not json" });
    expect((await rejection(body, contentType)).field).toBe("detail");
    expect((await rejection(utf8("detail=%5B1%5D"), "application/x-www-form-urlencoded")).field).toBe("detail");
    expect((await rejection(utf8("detail="), "application/x-www-form-urlencoded")).field).toBe("detail");
  });

  it("rejects a body that is not JSON, empty, or not an object", async () => {
    for (const text of ["hello", "", "   ", "[1,2]", "null", "42", '"text"', "{"]) {
      const err = await rejection(utf8(text), "application/json");
      expect(err.field).toBeNull();
    }
  });

  it("rejects broken multipart as a whole-body problem", async () => {
    const err = await rejection(utf8("garbage"), "multipart/form-data; boundary=xyz");
    expect(err.field).toBeNull();
  });
});
