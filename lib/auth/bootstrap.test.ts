import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { account, user } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { getAuth } from "./auth";
import { ensureAdminUser } from "./bootstrap";

const EMAIL = "Ops.Lead@example.com";
const PASSWORD = "correct-horse-battery";
const ORIGIN = "http://localhost:3000";

let dir: string;
let db: Db;
const saved = { ...process.env }; // eslint-disable-line no-restricted-properties -- tests set configuration

function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined)
      delete process.env[k]; // eslint-disable-line no-restricted-properties
    else process.env[k] = v; // eslint-disable-line no-restricted-properties
  }
  resetEnvForTests();
}

function post(pathname: string, body: unknown, headers: Record<string, string> = {}) {
  return getAuth(db).handler(
    new Request(`${ORIGIN}/api/auth${pathname}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "auth-test-"));
  setEnv({
    DATABASE_URL: `file:${path.join(dir, "calls.db")}`,
    CALLBACK_TOKEN: "test-callback-token",
    PORT: "3000",
    BETTER_AUTH_SECRET: undefined,
    BETTER_AUTH_URL: undefined,
    ADMIN_EMAIL: undefined,
    ADMIN_PASSWORD: undefined,
  });
  db = openDatabase(path.join(dir, "calls.db"));
});

afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]; // eslint-disable-line no-restricted-properties
  Object.assign(process.env, saved); // eslint-disable-line no-restricted-properties
  resetEnvForTests();
});

describe("ensureAdminUser", () => {
  it("creates nobody and warns when ADMIN_EMAIL/ADMIN_PASSWORD are unset", async () => {
    expect(await ensureAdminUser(db)).toEqual({ status: "missing-config" });
    expect(db.select().from(user).all()).toHaveLength(0);
  });

  it("creates exactly one admin, once, even when called concurrently", async () => {
    setEnv({ ADMIN_EMAIL: EMAIL, ADMIN_PASSWORD: PASSWORD });
    const results = await Promise.all([ensureAdminUser(db), ensureAdminUser(db), ensureAdminUser(db)]);
    expect(results.filter((r) => r.status === "created")).toHaveLength(1);
    expect(results.filter((r) => r.status === "exists")).toHaveLength(2);
    expect(await ensureAdminUser(db)).toEqual({ status: "exists" });

    const users = db.select().from(user).all();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: "ops.lead@example.com", name: "ops.lead", role: "admin" });
    const accounts = db.select().from(account).all();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ providerId: "credential", accountId: users[0]!.id, userId: users[0]!.id });
    expect(accounts[0]!.password).not.toContain(PASSWORD);
  });

  it("keeps the generated secret in a 0600 file beside the database", () => {
    const stat = statSync(path.join(dir, ".auth-secret"));
    expect(stat.mode & 0o777).toBe(0o600);
  });
});

describe("sign-in through the auth handler", () => {
  it("signs in with the admin's password and sets the session cookie", async () => {
    const res = await post("/sign-in/email", { email: EMAIL, password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/better-auth\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);

    // The cookie is a working session, and the role comes with the user.
    const token = cookie.split(";")[0]!;
    const session = await getAuth(db).api.getSession({ headers: new Headers({ cookie: token }) });
    expect(session?.user).toMatchObject({ email: "ops.lead@example.com", role: "admin" });
  });

  it("answers 401 to a wrong password", async () => {
    const res = await post("/sign-in/email", { email: EMAIL, password: "not-the-password" });
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("refuses public sign-up", async () => {
    const res = await post("/sign-up/email", { email: "stranger@example.com", password: "whatever-123", name: "x" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "EMAIL_PASSWORD_SIGN_UP_DISABLED" });
    expect(db.select().from(user).all()).toHaveLength(1);
  });

  it("does not rate-limit a dozen sign-ins in a row from one address, but does limit a flood", async () => {
    const headers = { "x-forwarded-for": "127.0.0.1" };
    for (let i = 0; i < 12; i++) {
      const res = await post("/sign-in/email", { email: EMAIL, password: PASSWORD }, headers);
      expect(res.status).toBe(200);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await post("/sign-in/email", { email: EMAIL, password: "wrong-one" }, headers)).status);
    expect(statuses).toContain(429);
  });
});
