// GET /api/analytics – every aggregate of /analytics for the filters in the query string (default: the last 7 days)
import { getDb } from "@/db/client";
import { requireApiUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { toErrorResponse } from "@/lib/errors";
import { parseCallFilter } from "@/lib/filters/call-filter";
import { getAnalytics, resolveAnalyticsFilter, WAIT_RULE } from "@/lib/queries/analytics";
import { ANSWERED_RULE } from "@/lib/calls";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    await requireApiUser(req);
    const { DISPLAY_TZ } = getEnv();
    const { filter, range } = resolveAnalyticsFilter(parseCallFilter(new URL(req.url).searchParams), DISPLAY_TZ);
    return Response.json({ answeredRule: ANSWERED_RULE, waitRule: WAIT_RULE, ...getAnalytics(getDb(), filter, range, DISPLAY_TZ) });
  } catch (err) {
    return toErrorResponse(err);
  }
}
