import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { getEnv, type Env } from "@/lib/env";
import { log } from "@/lib/log";
import { getDb, type Db } from "@/db/client";
import { account, session, user, verification } from "@/db/schema";

// No `server-only` here: scripts run under tsx (where it throws) may need the auth instance, e.g. to reset a password.

const SESSION_TTL_SEC = 7 * 24 * 60 * 60;

function createAuth(db: Db, env: Env) {
  const baseURL = env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT}`;
  return betterAuth({
    appName: "Call analytics",
    baseURL,
    basePath: "/api/auth",
    secret: env.BETTER_AUTH_SECRET ?? readOrCreateSecretFile(env.databasePath),
    trustedOrigins: [...new Set([new URL(baseURL).origin, `http://127.0.0.1:${env.PORT}`, `http://localhost:${env.PORT}`])],
    database: drizzleAdapter(db, { provider: "sqlite", schema: { user, session, account, verification } }),
    emailAndPassword: {
      enabled: true,
      // Accounts are created by the operator (ADMIN_EMAIL/ADMIN_PASSWORD at start, later an admin screen), never by
      // visitors: POST /api/auth/sign-up/email answers 400.
      disableSignUp: true,
      minPasswordLength: 8,
    },
    user: {
      additionalFields: {
        // `input: false`: no client-facing endpoint may set a role; only server code does.
        role: { type: "string", required: true, defaultValue: "supervisor", input: false },
      },
    },
    session: {
      expiresIn: SESSION_TTL_SEC,
      updateAge: 24 * 60 * 60, // sliding: a session used daily stays alive
      // Off: every request reads the session row, so signing out or deleting a user takes effect at once.
      cookieCache: { enabled: false },
    },
    // Rate limiting, decided on purpose (better-auth turns it on only when NODE_ENV=production and allows
    // 3 sign-ins per 10 s per IP). We turn it on everywhere so dev and tests behave like production, and we allow
    // AUTH_SIGNIN_LIMIT_PER_MINUTE (default 30) sign-in attempts per minute per client IP: a brake on password
    // guessing (the Playwright suite, which signs in for every spec, raises it). Counts live in memory (per process, reset at restart); a
    // shared store would need its own table. The client IP comes from a single-valued `x-forwarded-for` (better-auth
    // ignores multi-hop chains unless `advanced.ipAddress.trustedProxies` is set); without one, all clients share
    // one bucket per path. Behind a reverse proxy, set trustedProxies.
    rateLimit: {
      enabled: true,
      storage: "memory",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: env.AUTH_SIGNIN_LIMIT_PER_MINUTE },
      },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()], // must stay last: it copies Set-Cookie from server-side auth.api calls onto the response
  });
}

type Auth = ReturnType<typeof createAuth>;
export type AuthSession = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;
export type SessionUser = AuthSession["user"];

const holder = globalThis as typeof globalThis & { __callsAuth?: WeakMap<Db, Auth> };

/**
 * The better-auth instance for a database (the process's own by default), created on first use: `next build`
 * imports route modules and must neither open the database nor create the secret file.
 */
export function getAuth(db?: Db): Auth {
  const target = db ?? getDb();
  holder.__callsAuth ??= new WeakMap();
  let auth = holder.__callsAuth.get(target);
  if (!auth) {
    auth = createAuth(target, getEnv());
    holder.__callsAuth.set(target, auth);
  }
  return auth;
}

/**
 * Without BETTER_AUTH_SECRET, a random secret is generated on first start and kept in `.auth-secret` beside the
 * database (mode 0600), so sessions survive restarts. Created with link(2) from a temp file: two processes starting
 * at once both end up with the same, fully written secret.
 */
function readOrCreateSecretFile(databasePath: string): string {
  if (databasePath === ":memory:") {
    log.warn("auth: in-memory database and no BETTER_AUTH_SECRET; using a per-process secret");
    return randomBytes(32).toString("base64url");
  }
  const dir = path.dirname(path.resolve(databasePath));
  const file = path.join(dir, ".auth-secret");
  const existing = readSecret(file);
  if (existing !== undefined) return existing;

  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  try {
    linkSync(tmp, file);
    log.info("auth: generated a session secret (set BETTER_AUTH_SECRET to manage it yourself)", { file });
  } catch (err) {
    if (!isErrno(err, "EEXIST")) throw err;
  } finally {
    unlinkSync(tmp);
  }
  const secret = readSecret(file);
  if (secret === undefined) throw new Error(`auth: could not read the session secret from ${file}`);
  return secret;
}

function readSecret(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if (isErrno(err, "ENOENT")) return undefined;
    throw err;
  }
  const secret = text.trim();
  if (secret.length < 32) {
    throw new Error(`auth: ${file} holds a secret shorter than 32 characters; delete it to generate a new one`);
  }
  return secret;
}

function isErrno(err: unknown, code: string): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === code;
}
