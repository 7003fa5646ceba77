import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "./client";

const run = promisify(execFile);

describe("migrations", () => {
  it("run once when three processes open a new database file at the same instant", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "calls-migrate-"));
    try {
      const file = path.join(dir, "calls.db");
      const at = String(Date.now() + 2_500);
      const runs = await Promise.all(
        [1, 2, 3].map(() => run(process.execPath, ["--import", "tsx", "tests/support/open-at.ts", file, at]).then((r) => r.stdout.trim())),
      );
      expect(runs).toEqual(["migrated", "migrated", "migrated"]);
      const journal = JSON.parse(readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
      const db = new Database(file, { readonly: true });
      const applied = db.prepare(`select count(*) as n from "__drizzle_migrations"`).get() as { n: number };
      db.close();
      expect(applied.n).toBe(journal.entries.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
