// GET /api/calls – one page of calls for the filters in the query string, with the filtered total
import { getDb } from "@/db/client";
import { requireApiUser } from "@/lib/auth/session";
import { toErrorResponse } from "@/lib/errors";
import { parseCallFilter } from "@/lib/filters/call-filter";
import { listCalls } from "@/lib/queries/calls";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    await requireApiUser(req);
    const filter = parseCallFilter(new URL(req.url).searchParams);
    return Response.json(listCalls(getDb(), filter));
  } catch (err) {
    return toErrorResponse(err);
  }
}
