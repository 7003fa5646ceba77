import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { getEnv } from "@/lib/env";
import { getDb, writeTransaction, type Db } from "@/db/client";
import { account, user } from "@/db/schema";
import { log } from "@/lib/log";
import { getAuth } from "./auth";

// Kept free of next/headers (and of session.ts): instrumentation, scripts and vitest import this module.

type EnsureAdminResult = { status: "created"; userId: string; email: string } | { status: "exists" } | { status: "missing-config" };

/**
 * Creates the first user from ADMIN_EMAIL/ADMIN_PASSWORD (role "admin") when the user table is empty, so that
 * sign-in works from day one while public sign-up stays disabled. Idempotent: once any user exists it does nothing,
 * even if the variables change. Safe when two processes start at once: the check and the inserts run in one
 * BEGIN IMMEDIATE transaction, and a unique-constraint loss to a concurrent writer counts as "exists".
 */
export async function ensureAdminUser(db: Db = getDb()): Promise<EnsureAdminResult> {
  if (countUsers(db) > 0) return { status: "exists" };

  const { ADMIN_EMAIL, ADMIN_PASSWORD } = getEnv();
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD) {
    log.warn(
      "auth: no user exists and ADMIN_EMAIL/ADMIN_PASSWORD are not set, so nobody can sign in. " +
        "Set both (the password at least 8 characters) and restart to create the first admin.",
    );
    return { status: "missing-config" };
  }

  // better-auth's own hasher (scrypt by default), the one sign-in verifies against. Hashed before the transaction:
  // it is async and slow, and SQLite's write lock should not wait on it.
  const ctx = await getAuth(db).$context;
  const passwordHash = await ctx.password.hash(ADMIN_PASSWORD);
  const email = ADMIN_EMAIL.toLowerCase();
  const userId = ctx.generateId({ model: "user" }) || randomUUID();
  const accountId = ctx.generateId({ model: "account" }) || randomUUID();
  const now = new Date();

  try {
    const created = writeTransaction(db, (tx) => {
      if (countUsers(tx) > 0) return false;
      tx.insert(user)
        .values({ id: userId, name: nameFromEmail(email), email, emailVerified: true, role: "admin", createdAt: now, updatedAt: now })
        .run();
      // better-auth's email+password sign-in looks for the "credential" account whose accountId is the user id.
      tx.insert(account)
        .values({ id: accountId, accountId: userId, providerId: "credential", userId, password: passwordHash, createdAt: now, updatedAt: now })
        .run();
      return true;
    });
    if (!created) return { status: "exists" };
  } catch (err) {
    if (isUniqueViolation(err)) return { status: "exists" };
    throw err;
  }
  log.info("auth: created the first admin user", { email });
  return { status: "created", userId, email };
}

function countUsers(db: Pick<Db, "select">): number {
  return db.select({ n: count() }).from(user).get()?.n ?? 0;
}

/** "ops.lead@example.com" → "ops.lead". */
function nameFromEmail(email: string): string {
  const local = email.split("@")[0]?.trim();
  return local || email;
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
