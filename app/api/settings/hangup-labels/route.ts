// GET, POST /api/settings/hangup-labels – the hangup code → label map; POST replaces the edited labels
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireApiUser } from "@/lib/auth/session";
import { AppError, toErrorResponse } from "@/lib/errors";
import { getHangupLabelOverrides, getHangupLabels, putHangupLabelOverrides } from "@/lib/settings/hangup-labels";
import { HANGUP_CODES } from "@/lib/telephony/hangup-codes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The labels as the editor shows them, code → label. A label equal to the default, or empty, is no override:
 * the code goes back to its default label (or, for a code the vendor list lacks, to the bare code).
 */
const saveSchema = z.object({
  labels: z
    .record(z.string().regex(/^(0|[1-9]\d{0,8})$/, "must be a numeric hangup code"), z.string().trim().max(80, "must be at most 80 characters"))
    .refine((labels) => Object.keys(labels).length <= 500, "too many codes"),
});

const DEFAULTS = new Map<string, string>(HANGUP_CODES.map((c) => [String(c.code), c.en]));

export async function GET(req: Request) {
  try {
    await requireApiUser(req);
    const db = getDb();
    return Response.json({ labels: getHangupLabels(db), overrides: getHangupLabelOverrides(db) });
  } catch (err) {
    return toErrorResponse(err);
  }
}

export async function POST(req: Request) {
  try {
    await requireApiUser(req);
    // JSON only: a cross-site HTML form cannot send it without a CORS preflight.
    if (!req.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
      throw new AppError("bad_request", "Send the labels as application/json.");
    }
    const body = await req.json().catch(() => {
      throw new AppError("bad_request", "The body is not valid JSON.");
    });
    const { labels } = saveSchema.parse(body);
    const overrides = Object.fromEntries(Object.entries(labels).filter(([code, label]) => label !== "" && label !== DEFAULTS.get(code)));
    const db = getDb();
    putHangupLabelOverrides(db, overrides);
    return Response.json({ labels: getHangupLabels(db), overrides: getHangupLabelOverrides(db) });
  } catch (err) {
    return toErrorResponse(err);
  }
}
