import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { settings } from "@/db/schema";

/** Reads a JSON setting, validated by its schema; a missing or unreadable value gives the fallback. */
export function getSetting<T>(db: Db, key: string, schema: z.ZodType<T>, fallback: T): T {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function putSetting(db: Db, key: string, value: unknown, nowMs = Date.now()) {
  const json = JSON.stringify(value);
  db.insert(settings)
    .values({ key, value: json, updatedAtMs: nowMs })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAtMs: nowMs } })
    .run();
}
