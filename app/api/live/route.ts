// GET /api/live – the wallboard: extension states, today's counters and the latest calls (polled every second)
import { getDb } from "@/db/client";
import { requireApiUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { toErrorResponse } from "@/lib/errors";
import { getLiveBoard } from "@/lib/queries/live";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    await requireApiUser(req);
    const board = getLiveBoard(getDb(), { displayTz: getEnv().DISPLAY_TZ });
    return Response.json(board, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
