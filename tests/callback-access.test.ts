import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startAppServer, type AppServer } from "./support/app-server";

// Issue 13: several callback tokens (rotation) and the CALLBACK_ALLOWED_IPS allow-list, against the production build.
const NEW_TOKEN = "new-callback-token-2026";
const OLD_TOKEN = "old-callback-token-2025";

const fixture = (name: string) => readFileSync(path.join("lib/telephony/fixtures", name), "utf8");

let app: AppServer;
let db: Database.Database;

beforeAll(async () => {
  // The test reaches the server from loopback; `next start` records that as the caller's address when no
  // x-forwarded-for is sent, so one sent by the test plays a caller behind a proxy.
  app = await startAppServer({ CALLBACK_TOKEN: `${NEW_TOKEN}, ${OLD_TOKEN}`, CALLBACK_ALLOWED_IPS: "127.0.0.1, ::1, 2001:db8::/32" });
  db = new Database(app.databasePath, { readonly: true });
});
afterAll(async () => {
  db?.close();
  await app?.stop();
});

const billUrl = (token: string) => `${app.url}/api/callbacks/bill?token=${encodeURIComponent(token)}`;
const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
const inboxCount = () => (db.prepare("select count(*) as n from inbox").get() as { n: number }).n;

describe("callback tokens", () => {
  it("accepts a callback with any of the listed tokens, and refuses any other with 401", async () => {
    expect((await post(billUrl(NEW_TOKEN), fixture("bill-callback.json"))).status).toBe(200);
    expect((await post(billUrl(OLD_TOKEN), fixture("bill-callback.json"))).status).toBe(200);
    const before = inboxCount();
    for (const token of ["", "nope", `${NEW_TOKEN},${OLD_TOKEN}`, NEW_TOKEN.slice(0, -1)]) {
      expect((await post(billUrl(token), fixture("bill-callback.json"))).status, token).toBe(401);
    }
    expect(inboxCount()).toBe(before);
  });

  it("shows the callback addresses on /settings with the first token only", async () => {
    const res = await fetch(`${app.url}/settings`, { headers: { cookie: await signIn(app.url) } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(NEW_TOKEN);
    expect(html).not.toContain(OLD_TOKEN);
    expect(html).toContain("The other");
  });
});

describe("CALLBACK_ALLOWED_IPS", () => {
  it("answers 403 forbidden to a caller outside the list, whatever the token or the body, and stores nothing", async () => {
    const before = inboxCount();
    for (const from of ["198.51.100.7", "10.0.0.1", "2001:db9::1"]) {
      const res = await post(billUrl(NEW_TOKEN), fixture("bill-callback.json"), { "x-forwarded-for": from });
      expect(res.status, from).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    // Checked before the token and before the body is read.
    expect((await post(billUrl("nope"), "{}", { "x-forwarded-for": "198.51.100.7" })).status).toBe(403);
    const big = "x".repeat(2 * 1024 * 1024);
    expect((await post(billUrl(NEW_TOKEN), big, { "x-forwarded-for": "198.51.100.7" })).status).toBe(403);
    expect(inboxCount()).toBe(before);
  });

  it("accepts callers inside the list: loopback directly, an IPv6 range through x-forwarded-for", async () => {
    const before = inboxCount();
    expect((await post(billUrl(NEW_TOKEN), fixture("bill-callback.json"))).status).toBe(200);
    expect((await post(billUrl(NEW_TOKEN), fixture("bill-callback.json"), { "x-forwarded-for": "2001:db8::5, 198.51.100.7" })).status).toBe(200);
    expect(inboxCount()).toBe(before + 2);
    // An allowed caller with a wrong token is still refused.
    expect((await post(billUrl("nope"), fixture("bill-callback.json"))).status).toBe(401);
  });
});
