import type Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";

/** A migration that back-fills millions of rows holds the write lock for minutes; a second process starting meanwhile waits for it. */
const MIGRATION_BUSY_TIMEOUT_MS = 15 * 60_000;

/**
 * Applies the committed migrations (drizzle-kit's folder, journal and `__drizzle_migrations` bookkeeping, so a
 * database migrated by drizzle's own migrator carries on). Unlike drizzle's migrator, the check of what is applied
 * and the migrations themselves run in one BEGIN IMMEDIATE transaction: two processes starting on a new file at
 * once apply each migration once, the second waiting for the first instead of failing on "table already exists".
 */
export function applyMigrations(sqlite: Database.Database, migrationsFolder: string): number {
  const migrations = readMigrationFiles({ migrationsFolder });
  const previousTimeout = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${MIGRATION_BUSY_TIMEOUT_MS}`);
  try {
    return sqlite
      .transaction(() => {
        sqlite.exec(`CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
        const last = sqlite.prepare(`SELECT created_at AS createdAt FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1`).get() as
          { createdAt: number | string } | undefined;
        const lastMillis = last ? Number(last.createdAt) : -Infinity;
        const record = sqlite.prepare(`INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)`);
        let applied = 0;
        for (const migration of migrations) {
          if (migration.folderMillis <= lastMillis) continue;
          for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement);
          record.run(migration.hash, migration.folderMillis);
          applied++;
        }
        return applied;
      })
      .immediate();
  } finally {
    sqlite.pragma(`busy_timeout = ${previousTimeout}`);
  }
}
