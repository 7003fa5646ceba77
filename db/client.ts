import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The database or a transaction on it: what write helpers that must join the caller's transaction take. */
export type Executor = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Opens (creating if needed) a SQLite database file, sets the pragmas the app relies on and applies
 * the committed migrations. Used by the server, the scripts and the tests (each with its own file).
 */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets readers run beside the one writer; the busy timeout makes concurrent writers (several app
  // processes, the sync CLI) wait for the lock instead of failing. synchronous=FULL makes a commit durable
  // before we answer the vendor 2xx.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 10000");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite, { schema });
  if (options.migrate !== false) migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

/** The process's database, opened lazily: `next build` imports route modules and must not create a file. */
export function getDb(): Db {
  const holder = globalThis as typeof globalThis & { __callsDb?: Db };
  holder.__callsDb ??= openDatabase(getEnv().databasePath);
  return holder.__callsDb;
}

export function migrationsFolder(): string {
  return path.join(process.cwd(), "db", "migrations");
}
