import { ZodError } from "zod";
import { log } from "@/lib/log";

/**
 * The API's one error vocabulary: a closed set of codes, each with one HTTP status, so a client can branch on either.
 * Every route (vendor callbacks, replay and the recording proxy included) answers errors as
 * `{ error: { code, message, field?, inboxId? } }` through `errorResponse` or `toErrorResponse`.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  /** A vendor callback whose body is not a call; it stays in the inbox as rejected. */
  invalid_payload: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  /** A replayed inbox body that is still rejected: the request is fine, the stored payload is not. */
  unprocessable: 422,
  internal: 500,
  /** The vendor's server answered with an error, or could not be reached. */
  bad_gateway: 502,
  unavailable: 503,
  gateway_timeout: 504,
} as const satisfies Record<string, number>;
export type ErrorCode = keyof typeof ERROR_STATUS;

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

export function errorResponse(code: ErrorCode, message: string, { field, inboxId }: ErrorDetails = {}): Response {
  const error = { code, message, ...(field ? { field } : {}), ...(inboxId !== undefined ? { inboxId } : {}) };
  return Response.json({ error }, { status: ERROR_STATUS[code] });
}

/**
 * A ZodError names the path of its first issue (400), an AppError keeps its own code; anything else is a bug or an
 * outage: logged through `log` (which masks phone numbers) and answered with a generic 500, so internals stay private.
 */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : undefined;
    const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : "Invalid input.";
    return errorResponse("bad_request", message, { field });
  }
  if (err instanceof AppError) return errorResponse(err.code, err.message, { field: err.field });
  log.error("unhandled error", { error: err, stack: err instanceof Error ? err.stack : undefined });
  return errorResponse("internal", "Something went wrong on our side.");
}

/** What an error may name beside its code and message: the input field at fault, the inbox row that holds the body. */
type ErrorDetails = { field?: string | null; inboxId?: number };
