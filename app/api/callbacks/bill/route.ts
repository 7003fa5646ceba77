// POST /api/callbacks/bill?token= – the vendor's bill (CDR) callbacks, JSON or form `detail`
import { handleCallback } from "@/lib/ingest/callback-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  return handleCallback(req, "bill");
}
