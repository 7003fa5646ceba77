// POST /api/inbox/:id/replay – parse a stored payload again (after a fix) and store what it says; 422 when still rejected
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireApiUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError, errorResponse, toErrorResponse } from "@/lib/errors";
import { replayInboxItem } from "@/lib/ingest/callbacks";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    await requireApiUser(req);
    const id = z.coerce
      .number()
      .int()
      .positive()
      .parse((await ctx.params).id);
    const db = getDb();
    const exists = db.$client.prepare("select 1 from inbox where id = ?").get(id);
    if (!exists) throw new AppError("not_found", `Inbox item ${id} does not exist.`);
    const result = await replayInboxItem(db, id, getEnv().VENDOR_TZ);
    if (!result.ok) return errorResponse("unprocessable", result.message, { field: result.field, inboxId: id });
    return Response.json(result);
  } catch (err) {
    return toErrorResponse(err);
  }
}
