// /api/auth/*: better-auth's endpoints (sign-in/email, sign-out, get-session, …); public sign-up is disabled.
import { getAuth } from "@/lib/auth/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Not `export const { GET, POST } = toNextJsHandler(getAuth())`: that would open the database at import, and
// `next build` imports route modules.
export function GET(req: Request): Promise<Response> {
  return getAuth().handler(req);
}

export function POST(req: Request): Promise<Response> {
  return getAuth().handler(req);
}
