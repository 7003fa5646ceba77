// GET /api/calls/export – the whole filtered set as CSV (UTF-8 with BOM for Excel), streamed row by row
import { getDb, openDatabase } from "@/db/client";
import { requireApiUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { toErrorResponse } from "@/lib/errors";
import { parseCallFilter } from "@/lib/filters/call-filter";
import { exportFileName, exportHeader, iterateCallsForExport, toCsv, toExportRecord } from "@/lib/queries/calls-export";
import { getHangupLabels } from "@/lib/settings/hangup-labels";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const ROWS_PER_CHUNK = 500;

export async function GET(req: Request) {
  try {
    await requireApiUser(req);
    const filter = parseCallFilter(new URL(req.url).searchParams);
    const env = getEnv();
    const tz = env.DISPLAY_TZ;
    const labels = getHangupLabels(getDb());
    // A connection of its own: the export's open statement would otherwise block every other query of this process
    // for as long as the download lasts. In WAL mode it reads one consistent snapshot while callbacks keep writing.
    const reader = openDatabase(env.databasePath, { migrate: false });
    const rows = iterateCallsForExport(reader, filter);
    const encoder = new TextEncoder();
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      rows.return(undefined);
      reader.$client.close();
    };

    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`\uFEFF${toCsv([exportHeader(tz)])}`));
      },
      pull(controller) {
        try {
          const batch: (string | number)[][] = [];
          for (let next = rows.next(); !next.done; next = rows.next()) {
            batch.push(toExportRecord(next.value, tz, labels));
            if (batch.length >= ROWS_PER_CHUNK) break;
          }
          if (batch.length) controller.enqueue(encoder.encode(toCsv(batch)));
          if (batch.length < ROWS_PER_CHUNK) {
            close();
            controller.close();
          }
        } catch (err) {
          close();
          controller.error(err);
        }
      },
      cancel() {
        close();
      },
    });

    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${exportFileName(filter, tz)}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (err) {
    return toErrorResponse(err);
  }
}
