import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, ERROR_STATUS, errorResponse, toErrorResponse, type ErrorCode } from "@/lib/errors";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("errorResponse", () => {
  it.each(Object.entries(ERROR_STATUS) as [ErrorCode, number][])("answers %s with %i and the one shape", async (code, status) => {
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    const res = errorResponse(code, "Something precise.");
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: { code, message: "Something precise." } });
  });

  it("adds the field and the inbox row when given, and leaves out a missing field", async () => {
    const res = errorResponse("invalid_payload", "billsec is not a number.", { field: "billsec", inboxId: 7 });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "invalid_payload", message: "billsec is not a number.", field: "billsec", inboxId: 7 } });
    const noField = errorResponse("unprocessable", "Not a call.", { field: null, inboxId: 8 });
    expect(await noField.json()).toEqual({ error: { code: "unprocessable", message: "Not a call.", inboxId: 8 } });
  });
});

describe("toErrorResponse", () => {
  it("answers a ZodError with 400, naming the path of the first issue", async () => {
    const parsed = z.object({ labels: z.object({ code: z.number() }) }).safeParse({ labels: { code: "x" } });
    if (parsed.success) throw new Error("expected a ZodError");
    const res = toErrorResponse(parsed.error);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string; field: string } };
    expect(error).toMatchObject({ code: "bad_request", field: "labels.code" });
    expect(error.message).toMatch(/^labels\.code: /);
  });

  it("keeps an AppError's code, status, message and field", async () => {
    const res = toErrorResponse(new AppError("forbidden", "The recording host is private.", "downloadip"));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: "forbidden", message: "The recording host is private.", field: "downloadip" } });
  });

  it("logs anything else through the masking logger and answers a generic 500", async () => {
    const stderr = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = toErrorResponse(new Error("SQLITE_CORRUPT: database disk image is malformed"));
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("internal");
    expect(body.error.message).not.toContain("SQLITE");

    expect(stderr).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(stderr.mock.calls[0]![0])) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "error", msg: "unhandled error", error: "SQLITE_CORRUPT: database disk image is malformed" });
  });

  it("masks a phone number given as the thrown value", () => {
    const stderr = vi.spyOn(console, "error").mockImplementation(() => {});
    toErrorResponse("13900001234");
    expect(JSON.parse(String(stderr.mock.calls[0]![0]))).toMatchObject({ error: "*******1234" });
  });
});
