import { getDb } from "@/db/client";
import { anyTokenMatches } from "@/lib/callback-access";
import { getEnv } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { log } from "@/lib/log";
import type { CallbackEndpoint } from "@/lib/calls";
import { processInboxItem, storeRawCallback } from "./callbacks";

/** The vendor's bodies are a few KB; anything past this is not a callback. */
const MAX_CALLBACK_BYTES = 1024 * 1024;

/**
 * One vendor callback request: allowed address (CALLBACK_ALLOWED_IPS, when set) → token (any of CALLBACK_TOKEN) →
 * capped body → raw inbox row (committed) → parse → upsert → answer.
 * 200 with the plain body `1` once durable (what the vendor's public clients answer); JSON errors otherwise.
 */
export async function handleCallback(req: Request, endpoint: CallbackEndpoint): Promise<Response> {
  const env = getEnv();
  const remoteAddr = remoteAddress(req);
  // Before the token and the body: a caller outside the allow-list learns nothing and stores nothing.
  if (env.CALLBACK_ALLOWED_IPS && !env.CALLBACK_ALLOWED_IPS.allows(remoteAddr)) {
    log.warn("callback refused: address not allowed", { endpoint, remoteAddr });
    return errorResponse("forbidden", "Callbacks are not accepted from this address.");
  }
  const token = new URL(req.url).searchParams.get("token") ?? req.headers.get("x-callback-token") ?? "";
  if (!anyTokenMatches(token, env.CALLBACK_TOKEN)) {
    log.warn("callback refused: bad token", { endpoint, remoteAddr });
    return errorResponse("unauthorized", "Missing or wrong callback token.");
  }

  const body = await readCapped(req, MAX_CALLBACK_BYTES);
  if (body === "too-large") {
    log.warn("callback refused: body too large", { endpoint });
    return errorResponse("payload_too_large", `Callback bodies are limited to ${MAX_CALLBACK_BYTES} bytes.`);
  }

  const db = getDb();
  const inboxId = storeRawCallback(db, {
    endpoint,
    body,
    contentType: req.headers.get("content-type"),
    remoteAddr,
  });
  try {
    const result = await processInboxItem(db, inboxId, env.VENDOR_TZ);
    if (!result.ok) {
      log.warn("callback rejected", { endpoint, inboxId, field: result.field, reason: result.message });
      return errorResponse("invalid_payload", result.message, { field: result.field, inboxId });
    }
    return new Response("1", { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
  } catch (err) {
    // Our side failed: the body is safe in the inbox, and a 5xx makes the vendor retry.
    log.error("callback processing failed", { endpoint, inboxId, error: err });
    return errorResponse("internal", "The callback was stored but could not be processed; it will be retried.");
  }
}

async function readCapped(req: Request, limit: number): Promise<Uint8Array | "too-large"> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) return "too-large";
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The caller's address, as recorded in the inbox and checked against CALLBACK_ALLOWED_IPS. `next start` fills
 * x-forwarded-for with the socket's address only when the request has none, so a client can forge it; behind a proxy
 * the proxy must set (not append to) the header. Trusting only known proxies (TRUSTED_PROXIES) is still to come.
 */
function remoteAddress(req: Request): string | null {
  const forwarded = req.headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim();
  return req.headers.get("x-real-ip");
}
