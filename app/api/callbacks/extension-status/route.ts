// POST /api/callbacks/extension-status?token= – the vendor's extension ring/answer/hangup events
import { handleCallback } from "@/lib/ingest/callback-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  return handleCallback(req, "extension-status");
}
