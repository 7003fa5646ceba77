/**
 * Pushes calls to our callback routes the way the vendor does: extension status events (form-data `detail`) while the
 * call runs, then the bill: a JSON body (classic or 2025 edition), or form-data `detail` for predictive calls.
 * A failed POST (network error or non-2xx) is retried with backoff, as a vendor would.
 */
import { type Rng, type SimCall, makeCall, mulberry32, shiftCall, type UniverseOptions } from "./call-universe";
import { toBillCallback, toExtensionStatusEvents, toPredictiveCallback, type PayloadOptions } from "./payloads";

export type CallbackKind = "ring" | "answer" | "hangup" | "bill";

export type SendResult = {
  callId: number;
  uuid: string;
  kind: CallbackKind;
  /** "form" for form-data `detail`, or the bill edition sent as JSON. */
  encoding: "form" | "json-classic" | "json-2025";
  /** Path only; the token is never echoed. */
  path: string;
  status: number | null;
  ok: boolean;
  attempts: number;
  error?: string;
  /** First 200 characters of the last response body. */
  body?: string;
  elapsedMs: number;
};

export type SendOptions = PayloadOptions & {
  /** Send everything now instead of at the call's own instants. */
  fast?: boolean;
  /** Send only the bill, no extension status events (history backfill). */
  billOnly?: boolean;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** First retry delay; doubles each time (default 1000 ms). */
  retryDelayMs?: number;
  /** Per-attempt timeout (default 10 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  onResult?: (result: SendResult) => void;
  fetchImpl?: typeof fetch;
};

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function detailForm(payload: unknown): FormData {
  const form = new FormData();
  form.set("detail", JSON.stringify(payload));
  return form;
}

async function postWithRetry(
  url: string,
  makeBody: () => { body: BodyInit; headers?: Record<string, string> },
  opts: SendOptions,
): Promise<Pick<SendResult, "status" | "ok" | "attempts" | "error" | "body">> {
  const doFetch = opts.fetchImpl ?? fetch;
  const retries = opts.retries ?? 3;
  let delay = opts.retryDelayMs ?? 1000;
  let last: Pick<SendResult, "status" | "ok" | "attempts" | "error" | "body"> = { status: null, ok: false, attempts: 0 };
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    if (opts.signal?.aborted) break;
    try {
      const { body, headers } = makeBody();
      const signals = [AbortSignal.timeout(opts.timeoutMs ?? 10_000), ...(opts.signal ? [opts.signal] : [])];
      const res = await doFetch(url, { method: "POST", body, headers, signal: AbortSignal.any(signals) });
      const text = await res.text();
      last = { status: res.status, ok: res.ok, attempts: attempt, body: text.slice(0, 200) };
      if (res.ok) return last;
    } catch (err) {
      last = { status: null, ok: false, attempts: attempt, error: err instanceof Error ? err.message : String(err) };
    }
    if (attempt <= retries) {
      try {
        await sleep(delay, opts.signal);
      } catch {
        break;
      }
      delay *= 2;
    }
  }
  return last;
}

function withToken(baseUrl: string, path: string, token: string): string {
  const url = new URL(path, baseUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

/**
 * Fires the call's status events then its bill, at the call's instants relative to now (or at once with `fast`).
 * Resolves with one result per request, in order.
 */
export async function sendCall(baseUrl: string, token: string, call: SimCall, opts: SendOptions = {}): Promise<SendResult[]> {
  const results: SendResult[] = [];
  const report = (r: SendResult) => {
    results.push(r);
    opts.onResult?.(r);
  };
  const waitUntil = async (atMs: number) => {
    if (!opts.fast) await sleep(atMs - Date.now(), opts.signal);
  };

  const statusPath = "/api/callbacks/extension-status";
  for (const { atMs, event } of opts.billOnly ? [] : toExtensionStatusEvents(call)) {
    await waitUntil(atMs);
    const t0 = Date.now();
    const r = await postWithRetry(withToken(baseUrl, statusPath, token), () => ({ body: detailForm(event) }), opts);
    report({ callId: call.id, uuid: call.uuid, kind: event.status, encoding: "form", path: statusPath, elapsedMs: Date.now() - t0, ...r });
  }

  // The bill follows the hangup within a second or so.
  await waitUntil(call.endMs + 1000);
  const billPath = "/api/callbacks/bill";
  const t0 = Date.now();
  if (call.callbackEdition === "predictive") {
    const payload = toPredictiveCallback(call, opts);
    const r = await postWithRetry(withToken(baseUrl, billPath, token), () => ({ body: detailForm(payload) }), opts);
    report({ callId: call.id, uuid: call.uuid, kind: "bill", encoding: "form", path: billPath, elapsedMs: Date.now() - t0, ...r });
  } else {
    const edition = call.callbackEdition;
    const payload = JSON.stringify(toBillCallback(call, edition, opts));
    const r = await postWithRetry(withToken(baseUrl, billPath, token), () => ({ body: payload, headers: { "content-type": "application/json" } }), opts);
    report({ callId: call.id, uuid: call.uuid, kind: "bill", encoding: `json-${edition}`, path: billPath, elapsedMs: Date.now() - t0, ...r });
  }
  return results;
}

export type FeedOptions = SendOptions &
  UniverseOptions & {
    baseUrl: string;
    token: string;
    callsPerMinute: number;
    seed: number;
    signal?: AbortSignal;
    /** Stop after this many calls (default: until aborted). */
    count?: number;
    /** Called when a call starts (live) or is about to be sent (fast). */
    onCall?: (call: SimCall) => void;
    /** Called when all of a call's requests are done. */
    onCallDone?: (call: SimCall, results: SendResult[]) => void;
  };

export type FeedSummary = { calls: number; requests: number; failed: number };

/**
 * Live feed: calls arrive as a Poisson process at `callsPerMinute`, each starting now and reported in real time.
 * In `fast` mode, calls are sent one after another with no waiting, each as if it had just ended.
 * Resolves once `count` calls are done or, after `signal` aborts, once in-flight calls have stopped.
 */
export async function startCallbackFeed(options: FeedOptions): Promise<FeedSummary> {
  const { baseUrl, token, callsPerMinute, seed, signal, count } = options;
  const rng: Rng = mulberry32(seed);
  const summary: FeedSummary = { calls: 0, requests: 0, failed: 0 };
  const inFlight = new Set<Promise<void>>();
  const meanGapMs = 60_000 / Math.max(callsPerMinute, 0.001);
  let seq = Math.floor(Date.now() / 100) % 100_000_000; // ids keep increasing across runs (up to 10 calls/s)

  const onResult = (r: SendResult) => {
    summary.requests++;
    if (!r.ok) summary.failed++;
    options.onResult?.(r);
  };

  while (!signal?.aborted && (count === undefined || summary.calls < count)) {
    seq++;
    let call = makeCall(rng, Date.now(), seq, options);
    if (options.fast) call = shiftCall(call, Date.now() - call.endMs - 1000);
    summary.calls++;
    options.onCall?.(call);
    const job = sendCall(baseUrl, token, call, { ...options, onResult })
      .then((results) => options.onCallDone?.(call, results))
      .catch(() => undefined); // aborted mid-call
    if (options.fast) {
      await job;
      continue;
    }
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
    if (count !== undefined && summary.calls >= count) break;
    try {
      await sleep(-Math.log(Math.max(rng(), 1e-9)) * meanGapMs, signal);
    } catch {
      break;
    }
  }
  await Promise.all(inFlight);
  return summary;
}
