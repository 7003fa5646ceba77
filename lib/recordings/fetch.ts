import "server-only";
import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { AppError } from "@/lib/errors";
import { vetRecordingUrl, type Lookup } from "./guard";

type UpstreamResponse = { status: number; headers: IncomingHttpHeaders; body: IncomingMessage; url: URL };

type Options = {
  method: "GET" | "HEAD";
  range?: string | null;
  allowedHosts: readonly string[];
  signal?: AbortSignal;
  /** Until the response headers arrive. */
  headersTimeoutMs?: number;
  /** Socket idle time while the body streams. */
  idleTimeoutMs?: number;
  maxRedirects?: number;
  lookup?: Lookup;
};

/**
 * Fetches a recording from the vendor through the SSRF guard: every hop (redirects included) is resolved and vetted,
 * and the socket connects to the vetted address via a custom `lookup`, so DNS cannot change its answer in between.
 */
export async function fetchRecording(start: URL, options: Options): Promise<UpstreamResponse> {
  let url = start;
  const maxRedirects = options.maxRedirects ?? 3;
  for (let hop = 0; ; hop++) {
    const target = await vetRecordingUrl(url, options.allowedHosts, options.lookup);
    const res = await request(target.url, target.address, target.family, options);
    const location = res.headers.location;
    if ([301, 302, 303, 307, 308].includes(res.statusCode ?? 0) && location) {
      res.resume();
      if (hop >= maxRedirects) throw unreachable("the vendor redirected too many times");
      url = new URL(location, url);
      continue;
    }
    return { status: res.statusCode ?? 502, headers: res.headers, body: res, url };
  }
}

function request(url: URL, address: string, family: 4 | 6, options: Options): Promise<IncomingMessage> {
  const pinned: LookupFunction = (_hostname, opts, callback) => {
    // With autoSelectFamily (Node ≥ 20) the socket asks for every address at once.
    if ((opts as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: "audio/*, application/octet-stream;q=0.9, */*;q=0.5", "user-agent": "call-analytics-recordings/1" };
    if (options.range) headers.range = options.range;
    const req = client.request(url, { method: options.method, headers, lookup: pinned, signal: options.signal });
    const headersTimer = setTimeout(() => req.destroy(unreachable("the vendor did not answer in time", true)), options.headersTimeoutMs ?? 10_000);
    req.setTimeout(options.idleTimeoutMs ?? 30_000, () => req.destroy(unreachable("the vendor stopped sending", true)));
    req.once("response", (res) => {
      clearTimeout(headersTimer);
      resolve(res);
    });
    req.once("error", (err) => {
      clearTimeout(headersTimer);
      if (err instanceof AppError) reject(err);
      else if (err.name === "AbortError") reject(err);
      else reject(unreachable((err as NodeJS.ErrnoException).code ?? err.message));
    });
    req.end();
  });
}

/** The vendor's server did not answer (in time, or at all): 504 when it timed out, else 502. */
function unreachable(reason: string, timedOut = false): AppError {
  return new AppError(timedOut ? "gateway_timeout" : "bad_gateway", `The vendor's recording server could not be reached: ${reason}.`);
}
