// GET /api/health – liveness with the database reachable; no session needed
import { getDb } from "@/db/client";
import { errorResponse } from "@/lib/errors";
import { log } from "@/lib/log";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET() {
  try {
    getDb().$client.prepare("select 1 from calls limit 1").get();
    return Response.json({ status: "ok", database: "reachable" });
  } catch (err) {
    log.error("health: database unreachable", { error: err });
    return errorResponse("unavailable", "The database is unreachable.");
  }
}
