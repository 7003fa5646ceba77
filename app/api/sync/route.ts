// POST /api/sync – start a sync of the configured sources now ("Sync now"); GET – the sync status as JSON
import { getDb } from "@/db/client";
import { requireApiUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { errorResponse, toErrorResponse } from "@/lib/errors";
import { getSyncStatus } from "@/lib/queries/sync-status";
import { leaseHolder } from "@/db/lease";
import { triggerSync } from "@/lib/sync/scheduler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    await requireApiUser(req);
    return Response.json(getSyncStatus(getDb()));
  } catch (err) {
    return toErrorResponse(err);
  }
}

export async function POST(req: Request) {
  try {
    await requireApiUser(req);
    const db = getDb();
    const busy = leaseHolder(db, "sync");
    if (busy) return errorResponse("conflict", "A sync is already running.");
    // The run continues after this answer; its row on /sync tells how it ends.
    void triggerSync(db, getEnv(), "manual");
    return Response.json({ status: "started" }, { status: 202 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
