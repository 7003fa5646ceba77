import pRetry from "p-retry";
import { VendorApiError } from "./api-errors";

export type HttpOptions = {
  /** Per attempt (default 30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt for transient failures (default 4). */
  retries?: number;
  /** First backoff delay (default 500 ms), doubled each retry, with jitter. */
  minBackoffMs?: number;
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
  /** Told of each failed attempt that will be retried. */
  onRetry?: (error: VendorApiError, attempt: number) => void;
};

/**
 * POSTs a form to a vendor API and returns the parsed JSON body. Network errors, timeouts, 5xx and bodies that are
 * not complete JSON become VendorApiErrors; transient ones are retried with exponential backoff and jitter.
 */
export async function postVendorForm(url: string, fields: Record<string, string | number>, options: HttpOptions = {}): Promise<unknown> {
  return withRetries(() => postOnce(url, fields, options), options);
}

/** Runs an attempt with the vendor retry policy: only VendorApiErrors marked retryable are tried again. */
export function withRetries<T>(attempt: () => Promise<T>, options: HttpOptions): Promise<T> {
  return pRetry(attempt, {
    retries: options.retries ?? 4,
    minTimeout: options.minBackoffMs ?? 500,
    factor: 2,
    randomize: true,
    signal: options.signal,
    shouldRetry: ({ error }) => error instanceof VendorApiError && error.retryable,
    onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
      if (error instanceof VendorApiError && error.retryable && retriesLeft > 0) options.onRetry?.(error, attemptNumber);
    },
  });
}

async function postOnce(url: string, fields: Record<string, string | number>, options: HttpOptions): Promise<unknown> {
  const body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)]));
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let res: Response;
  let text: string;
  try {
    res = await (options.fetchImpl ?? fetch)(url, { method: "POST", body, signal });
    text = await res.text();
  } catch (err) {
    if (options.signal?.aborted) throw err;
    if (timeout.aborted) throw new VendorApiError("timeout", `no answer from ${hostOf(url)} within ${options.timeoutMs ?? 30_000} ms`);
    throw new VendorApiError("network", `${hostOf(url)}: ${causeOf(err)}`);
  }
  if (res.status >= 500) throw new VendorApiError("http", `HTTP ${res.status} from ${hostOf(url)}`, res.status);
  if (res.status >= 400) throw new VendorApiError("illegal-request", `HTTP ${res.status} from ${hostOf(url)}: ${text.slice(0, 120)}`, res.status);
  try {
    return JSON.parse(text);
  } catch {
    throw new VendorApiError("bad-reply", `reply from ${hostOf(url)} is not complete JSON (${text.length} bytes: ${JSON.stringify(text.slice(0, 60))}…)`);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function causeOf(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? err.message;
  }
  return String(err);
}
