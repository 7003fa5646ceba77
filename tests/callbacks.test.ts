import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startAppServer, TEST_TOKEN, type AppServer } from "./support/app-server";

const fixture = (name: string) => readFileSync(path.join("lib/telephony/fixtures", name), "utf8");
const sample = (name: string) => JSON.parse(fixture(name)) as Record<string, unknown>;

let app: AppServer;
let cookie: string;
let db: Database.Database;

beforeAll(async () => {
  app = await startAppServer();
  cookie = await signIn(app.url);
  db = new Database(app.databasePath, { readonly: true });
});
afterAll(async () => {
  db?.close();
  await app?.stop();
});

const billUrl = () => `${app.url}/api/callbacks/bill?token=${TEST_TOKEN}`;
const statusUrl = () => `${app.url}/api/callbacks/extension-status?token=${TEST_TOKEN}`;
const postJson = (url: string, body: string) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
const postForm = (url: string, detail: string) => {
  const form = new FormData();
  form.set("detail", detail);
  return fetch(url, { method: "POST", body: form });
};
const postUrlencoded = (url: string, detail: string) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ detail }).toString() });

async function calls(query = "") {
  const res = await fetch(`${app.url}/api/calls?pageSize=500&${query}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as { total: number; page: number; pageSize: number; rows: Record<string, unknown>[] };
}
const inboxCount = () => (db.prepare("select count(*) as n from inbox").get() as { n: number }).n;
const callCount = () => (db.prepare("select count(*) as n from calls").get() as { n: number }).n;

describe("bill callback endpoint", () => {
  it("stores the documented bill callback (JSON) as one normalized call and answers 1", async () => {
    const res = await postJson(billUrl(), fixture("bill-callback.json"));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("1");
    const { rows } = await calls("q=015029913692");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      vendorId: 982,
      uuid: "cda5c6c4-0a17-11e8-b177-e7cbf2bd1f36",
      sources: ["callback"],
      direction: "outbound",
      callMethod: 3,
      startTime: "2018-03-14T04:18:21.000Z",
      answerTime: null,
      endTime: "2018-03-14T04:18:35.000Z",
      duration: 14,
      billsec: 0,
      extension: "7003",
      agent: "2001",
      displayNumber: "02566823420",
      destNumber: "015029913692",
      hangupCause: 10001,
      hangupDirection: 10015,
      recordingUrl: null,
    });
  });

  it("stores the predictive-outbound bill posted as form-data detail", async () => {
    const res = await postForm(billUrl(), fixture("predictive-bill-callback.json"));
    expect(res.status).toBe(200);
    const { rows } = await calls("q=81211623586");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ vendorId: null, uuid: "863ff91e-6a7a-11eb-acf1-5107cdf1d50a", callMethod: 6, startTime: "2021-02-09T02:00:03.000Z" });
  });

  it("stores the 2025 edition sample and an old camel-case push", async () => {
    expect((await postJson(billUrl(), fixture("bill-callback-2025-sample.json"))).status).toBe(200);
    expect((await postUrlencoded(billUrl(), fixture("bill-callback-2018-camel.json"))).status).toBe(200);
    const recent = await calls("q=81351111451");
    expect(recent.rows[0]).toMatchObject({ vendorId: 263056202, uuid: "db4a44cc-aa72-11f0-ad78-1d7ff0749d07", agent: null, hangupCause: 10020 });
    const old = await calls("q=013812345678");
    expect(old.rows[0]).toMatchObject({
      vendorId: 1187,
      uuid: null,
      extension: "7003",
      billsec: 0,
      hangupCause: 10002,
      answerTime: "2018-05-21T02:02:40.000Z",
    });
  });

  it("keeps one row when the vendor retries, by JSON or by form", async () => {
    const before = callCount();
    for (let i = 0; i < 3; i++) expect((await postJson(billUrl(), fixture("bill-callback.json"))).status).toBe(200);
    expect((await postForm(billUrl(), fixture("bill-callback.json"))).status).toBe(200);
    expect((await postForm(billUrl(), fixture("predictive-bill-callback.json"))).status).toBe(200);
    expect(callCount()).toBe(before);
    expect((await calls("q=015029913692")).total).toBe(1);
  });

  it("refuses a missing or wrong token with 401 and stores nothing", async () => {
    const before = inboxCount();
    expect((await postJson(`${app.url}/api/callbacks/bill`, fixture("bill-callback.json"))).status).toBe(401);
    expect((await postJson(`${app.url}/api/callbacks/bill?token=nope`, fixture("bill-callback.json"))).status).toBe(401);
    expect((await postForm(`${app.url}/api/callbacks/extension-status?token=x`, fixture("extension-status.json"))).status).toBe(401);
    expect(inboxCount()).toBe(before);
  });

  it("answers 413 to a body over 1 MB", async () => {
    const big = JSON.stringify({ ...sample("bill-callback.json"), padding: "x".repeat(1024 * 1024) });
    const res = await postJson(billUrl(), big);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });

  it("answers 400 naming the field, and keeps the raw body in the inbox as rejected", async () => {
    const cases: [string, () => Promise<Response>, string | null][] = [
      ["not JSON", () => postJson(billUrl(), "{ this is not json"), null],
      ["bad billsec", () => postJson(billUrl(), JSON.stringify({ ...sample("bill-callback.json"), id: 99001, billsec: "abc" })), "billsec"],
      ["bad starttime", () => postJson(billUrl(), JSON.stringify({ ...sample("bill-callback.json"), id: 99002, starttime: "yesterday" })), "starttime"],
      ["form without detail", () => fetch(billUrl(), { method: "POST", body: new URLSearchParams({ other: "1" }) }), "detail"],
      ["status without time", () => postForm(statusUrl(), JSON.stringify({ ...sample("extension-status.json"), starttime: "" })), "starttime"],
    ];
    for (const [name, send, field] of cases) {
      const res = await send();
      expect(res.status, name).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string; field?: string; inboxId: number } };
      expect(body.error.message.length, name).toBeGreaterThan(5);
      if (field) expect(body.error.field, name).toBe(field);
      const row = db.prepare("select outcome, error_field, error_text, length(body) as size from inbox where id = ?").get(body.error.inboxId) as Record<
        string,
        unknown
      >;
      expect(row, name).toMatchObject({ outcome: "rejected", error_field: field });
      expect(row.size, name).toBeGreaterThan(0);
    }
  });

  it("keeps the raw body byte for byte", async () => {
    const text = fixture("bill-callback-2025-sample.json");
    await postJson(billUrl(), text);
    const row = db.prepare("select body, content_type from inbox order by id desc limit 1").get() as { body: Buffer; content_type: string };
    expect(row.body.toString("utf8")).toBe(text);
    expect(row.content_type).toBe("application/json");
  });
});

describe("extension status endpoint", () => {
  it("stores ring/answer/hangup events once each, form-data or JSON", async () => {
    const ring = sample("extension-status.json");
    const answer = { ...ring, status: "answer", starttime: "1612857950" };
    const hangup = { ...ring, status: "hangup", starttime: "1612857990" };
    for (const e of [ring, answer, hangup, ring]) expect((await postForm(statusUrl(), JSON.stringify(e))).status).toBe(200);
    expect((await postJson(statusUrl(), JSON.stringify(hangup))).status).toBe(200);
    const rows = db.prepare("select status, event_at_ms, extension from extension_events where uuid = ? order by event_at_ms").all(ring.uuid as string);
    expect(rows).toEqual([
      { status: "ring", event_at_ms: 1612857945000, extension: "20280005" },
      { status: "answer", event_at_ms: 1612857950000, extension: "20280005" },
      { status: "hangup", event_at_ms: 1612857990000, extension: "20280005" },
    ]);
  });
});

describe("load", () => {
  it("takes 2,000 callbacks sent 20 at a time: all 2xx, all stored", async () => {
    const template = sample("bill-callback.json");
    const base = Date.UTC(2026, 0, 5, 0, 0, 0);
    const bodies = Array.from({ length: 2000 }, (_, i) => {
      const start = new Date(base + i * 7000 + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
      return JSON.stringify({
        ...template,
        id: 500_000 + i,
        uuid: `load-${i}`,
        starttime: start,
        endtime: start,
        destnumber: `1390000${String(i).padStart(4, "0")}`,
      });
    });
    const statuses: number[] = [];
    for (let i = 0; i < bodies.length; i += 20) {
      const batch = await Promise.all(bodies.slice(i, i + 20).map((b) => postJson(billUrl(), b)));
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const res = await calls(`from=2026-01-05T00:00:00Z&to=2026-01-07T00:00:00Z`);
    expect(res.total).toBe(2000);
  });
});

describe("access", () => {
  it("serves health without a session and nothing else", async () => {
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${app.url}/api/calls`)).status).toBe(401);
    const page = await fetch(`${app.url}/calls`, { redirect: "manual" });
    expect([302, 303, 307, 308]).toContain(page.status);
    expect(page.headers.get("location")).toContain("/login");
  });

  it("rejects a bad filter with 400 naming the field", async () => {
    const res = await fetch(`${app.url}/api/calls?from=yesterday`, { headers: { cookie } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe("from");
  });
});
