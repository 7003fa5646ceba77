import { ZodError } from "zod";

export const ERROR_CODES = [
  "unauthorized",
  "forbidden",
  "bad_request",
  "not_found",
  "payload_too_large",
  "conflict",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const STATUS: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  bad_request: 400,
  not_found: 404,
  payload_too_large: 413,
  conflict: 409,
  internal: 500,
};

/** An error that `lib` throws on purpose; handlers translate it with `toErrorResponse`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export type ErrorBody = { error: { code: ErrorCode; message: string; field?: string } };

/**
 * The one error shape of our API: `{ error: { code, message, field? } }`. A ZodError names the path of its first
 * issue, an AppError keeps its own status, anything else is logged and answered with a generic 500 so internals
 * stay private.
 */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : undefined;
    const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : "Invalid input.";
    return errorJson("bad_request", message, field);
  }
  if (err instanceof AppError) return errorJson(err.code, err.message, err.field);
  console.error("unhandled error", err);
  return errorJson("internal", "Something went wrong on our side.");
}

function errorJson(code: ErrorCode, message: string, field?: string): Response {
  const body: ErrorBody = { error: field === undefined ? { code, message } : { code, message, field } };
  return Response.json(body, { status: statusOf(code) });
}
