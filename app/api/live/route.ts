// GET /api/live – the wallboard: extension states, today's counters and the latest calls (polled every second)
import { getDb } from "@/db/client";
import { requireApiUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { toErrorResponse } from "@/lib/errors";
import { currentPolls, getLiveBoard } from "@/lib/queries/live";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    await requireApiUser(req);
    const db = getDb();
    const env = getEnv();
    const board = getLiveBoard(db, { displayTz: env.DISPLAY_TZ, polled: currentPolls(db, env) });
    return Response.json(board, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
