import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { getEnv } from "@/lib/env";
import { applyMigrations } from "./migrate";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** How long a writer waits for another process's write lock before it fails (several app processes, the sync CLI). */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (creating if needed) a SQLite database file, sets the pragmas the app relies on and applies
 * the committed migrations. Used by the server, the scripts and the tests (each with its own file).
 */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets readers run beside the one writer; the busy timeout makes concurrent writers (several app
  // processes, the sync CLI) wait for the lock instead of failing: writeTransaction() takes the lock at BEGIN, the
  // only point where SQLite waits for it. synchronous=FULL makes a commit durable before we answer the vendor 2xx.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite, { schema });
  if (options.migrate !== false) applyMigrations(sqlite, migrationsFolder());
  return db;
}

/**
 * Every write that spans more than one statement goes through here. BEGIN IMMEDIATE takes the write lock when the
 * transaction begins, while the busy timeout can still wait for it; a deferred transaction that read first is
 * refused its upgrade at once ("database is locked") whenever another process writes, whatever the timeout.
 * Nested calls become savepoints of the outer transaction.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  const client = db.$client;
  if (client.inTransaction) return db.transaction(fn);
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  const timeouts = busyTimeoutStatements(client);
  // SQLite's own busy handler sleeps longer and longer (up to 100 ms a try) while the lock is held, so that two
  // processes writing at full speed spend most of their time asleep beside a free lock. Here BEGIN IMMEDIATE is
  // tried without it, and retried after a short random pause until the same timeout.
  for (let attempt = 0; ; attempt++) {
    let began = false;
    timeouts.off.run();
    try {
      return db.transaction(
        (tx) => {
          began = true;
          timeouts.on.run();
          return fn(tx);
        },
        { behavior: "immediate" },
      );
    } catch (err) {
      if (began || !isBusy(err) || Date.now() >= deadline) throw err;
    } finally {
      if (!began) timeouts.on.run();
    }
    pauseSync(Math.min(1 + attempt, 5) * (0.5 + Math.random()));
  }
}

/** Several reads from one snapshot (a page and its total, a board and its counts): takes no write lock. */
export function readSnapshot<T>(db: Db, fn: (tx: Tx) => T): T {
  return db.transaction(fn, { behavior: "deferred" });
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

const statementsByClient = new WeakMap<Database.Database, { off: Database.Statement; on: Database.Statement }>();

function busyTimeoutStatements(client: Database.Database) {
  let statements = statementsByClient.get(client);
  if (!statements) {
    statements = { off: client.prepare("PRAGMA busy_timeout = 0"), on: client.prepare(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`) };
    statementsByClient.set(client, statements);
  }
  return statements;
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

const pauseCell = new Int32Array(new SharedArrayBuffer(4));

/** A synchronous pause of a few milliseconds: the transaction API is synchronous, as better-sqlite3 is. */
function pauseSync(ms: number) {
  Atomics.wait(pauseCell, 0, 0, ms);
}
