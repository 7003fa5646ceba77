// GET|HEAD /api/calls/:id/recording – the call's recording, streamed from the vendor through the SSRF guard, with Range
import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import { requireApiUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError, toErrorResponse } from "@/lib/errors";
import { log } from "@/lib/log";
import { getCallRecordingSource } from "@/lib/queries/call-detail";
import { fetchRecording } from "@/lib/recordings/fetch";
import { NOT_AT_VENDOR, resolveRecordingUrl } from "@/lib/recordings/resolve";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(req: Request, ctx: Context) {
  return serve(req, ctx, "GET");
}

export async function HEAD(req: Request, ctx: Context) {
  return serve(req, ctx, "HEAD");
}

async function serve(req: Request, ctx: Context, method: "GET" | "HEAD"): Promise<Response> {
  try {
    await requireApiUser(req);
    const { id: rawId } = await ctx.params;
    const id = /^\d{1,12}$/.test(rawId) ? Number(rawId) : NaN;
    if (!Number.isSafeInteger(id)) throw new AppError("bad_request", "The call id must be a number.", "id");
    const db = getDb();
    const source = getCallRecordingSource(db, id);
    if (!source) throw new AppError("not_found", "No such call.");
    const env = getEnv();
    const url = await resolveRecordingUrl(db, env, source);
    if (!url) throw new AppError("not_found", "This call has no recording.");

    const range = req.headers.get("range");
    const upstream = await fetchRecording(url, {
      method,
      range: range && /^bytes=[\d,\s-]+$/.test(range) ? range : null,
      allowedHosts: env.RECORDING_ALLOWED_HOSTS,
      signal: req.signal,
    });
    const { status } = upstream;
    if (status === 404 || status === 410) {
      upstream.body.resume();
      throw new AppError("not_found", NOT_AT_VENDOR);
    }
    if (status !== 200 && status !== 206 && status !== 416) {
      upstream.body.resume();
      log.warn("recording: vendor answered an error", { callId: id, status });
      throw new AppError("bad_gateway", `The vendor's recording server answered ${status}.`);
    }

    const headers = new Headers({
      "content-type": contentTypeOf(upstream.headers["content-type"], url.pathname),
      "accept-ranges": upstream.headers["accept-ranges"] === "bytes" || status === 206 ? "bytes" : "none",
      "cache-control": "private, max-age=300",
      "x-content-type-options": "nosniff",
    });
    for (const name of ["content-length", "content-range", "last-modified", "etag"] as const) {
      const value = upstream.headers[name];
      if (typeof value === "string") headers.set(name, value);
    }
    const download = new URL(req.url).searchParams.get("download") === "1";
    const file = fileNameOf(id, url.pathname);
    headers.set("content-disposition", `${download ? "attachment" : "inline"}; filename="${file}"`);

    if (method === "HEAD" || status === 416) {
      upstream.body.resume();
      return new Response(null, { status, headers });
    }
    req.signal.addEventListener("abort", () => upstream.body.destroy(), { once: true });
    return new Response(Readable.toWeb(upstream.body) as ReadableStream<Uint8Array>, { status, headers });
  } catch (err) {
    return toErrorResponse(err);
  }
}

const AUDIO_TYPES: Record<string, string> = { wav: "audio/wav", mp3: "audio/mpeg", ogg: "audio/ogg", opus: "audio/ogg", m4a: "audio/mp4", gsm: "audio/x-gsm" };

/** The vendor's audio type when it sends one; else from the extension (vendors often say octet-stream). */
function contentTypeOf(upstream: string | undefined, pathname: string): string {
  if (upstream && /^audio\//i.test(upstream)) return upstream;
  const ext = /\.([a-z0-9]+)$/i.exec(pathname)?.[1]?.toLowerCase();
  return (ext && AUDIO_TYPES[ext]) ?? "application/octet-stream";
}

function fileNameOf(id: number, pathname: string): string {
  const base = decodeURIComponent(pathname.split("/").pop() ?? "").replace(/[^\w.-]+/g, "_") || "recording";
  return `call-${id}-${base}`;
}
