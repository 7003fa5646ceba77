import type { Db } from "@/db/client";
import type { Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { configuredSources } from "@/lib/sync/configured";
import { VendorApiError } from "@/lib/telephony/api-errors";
import { buildRecordingUrl, checkRecordFilename, type RecordingSource } from "./guard";

/** The sentence the call detail shows when the vendor has no such file. */
export const NOT_AT_VENDOR = "Recording not available at the vendor.";

type Cached = { url: string; expiresAtMs: number };
const holder = globalThis as typeof globalThis & { __recordingUrls?: Map<string, Cached> };
const cache = (holder.__recordingUrls ??= new Map());
/** When the vendor gives no expiry for a download address, trust it this long. */
const DEFAULT_TTL_MS = 10 * 60_000;

/**
 * Where a call's recording is, in the order of issue 8: the payload's `recordurl`; else, when the GetBill login is
 * configured, `App.Sip_Cdr.GetRecodeFile` (its `downurl` cached until `expiredtime`); else RECORDING_URL_TEMPLATE.
 * Whatever the source, the caller fetches it through the same guard. Null: the call names no recording.
 */
export async function resolveRecordingUrl(db: Db, env: Env, call: RecordingSource, nowMs = Date.now()): Promise<URL | null> {
  if (call.recordUrl || !call.recordFilename) return buildRecordingUrl(call, env.RECORDING_URL_TEMPLATE);
  const file = checkRecordFilename(call.recordFilename);
  if (env.GETBILL_APPID && env.GETBILL_ACCESSKEY) {
    const hit = cache.get(file);
    if (hit && hit.expiresAtMs > nowMs + 5_000) return buildRecordingUrl({ ...call, recordUrl: hit.url }, env.RECORDING_URL_TEMPLATE);
    const { getbill } = configuredSources(db, env, { retries: 1, timeoutMs: 10_000 });
    try {
      const found = await getbill?.getRecordFile(file);
      if (found === null) throw new AppError("not_found", NOT_AT_VENDOR);
      if (found) {
        cache.set(file, { url: found.url, expiresAtMs: found.expiresAtMs ?? nowMs + DEFAULT_TTL_MS });
        return buildRecordingUrl({ ...call, recordUrl: found.url }, env.RECORDING_URL_TEMPLATE);
      }
    } catch (err) {
      if (!(err instanceof VendorApiError)) throw err;
      // The API is down or refuses us: the template may still reach the file.
      log.warn("recording: GetRecodeFile failed, using the URL template", { error: err.message });
    }
  }
  return buildRecordingUrl(call, env.RECORDING_URL_TEMPLATE);
}
