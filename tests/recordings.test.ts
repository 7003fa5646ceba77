import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCalls, type SimCall } from "@/simulator/call-universe";
import { sendCall } from "@/simulator/callback-feeder";
import { recordingFor, startPullServer, type PullServer } from "@/simulator/pull-server";
import { freePort, signIn, startAppServer, TEST_TOKEN, type AppServer } from "./support/app-server";

const NOT_AT_VENDOR = "Recording not available at the vendor.";
const base = JSON.parse(readFileSync(path.join("lib/telephony/fixtures", "bill-callback.json"), "utf8")) as Record<string, unknown>;

let app: AppServer;
let vendor: PullServer;
let cookie: string;
let recorded: SimCall;
let recordedId: number;
const idByUuid = new Map<string, number>();

async function postBill(over: Record<string, unknown>): Promise<number> {
  const res = await fetch(`${app.url}/api/callbacks/bill?token=${TEST_TOKEN}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...base, ...over }),
  });
  expect(res.status).toBe(200);
  const list = await fetch(`${app.url}/api/calls?q=${over.destnumber as string}`, { headers: { cookie } });
  const body = (await list.json()) as { rows: { id: number }[] };
  return body.rows[0]!.id;
}

beforeAll(async () => {
  const simPort = await freePort();
  const downloadIp = `127.0.0.1:${simPort}`;
  const now = Date.now();
  const calls = generateCalls({ seed: 3, count: 30, fromMs: now - 86_400_000, toMs: now - 60_000, downloadIp });
  vendor = await startPullServer({ port: simPort, host: "127.0.0.1", calls, cdrs: { appid: "a", accesskey: "k" }, downloadIp });
  app = await startAppServer({
    RECORDING_ALLOWED_HOSTS: downloadIp,
    RECORDING_URL_TEMPLATE: "http://{downloadip}/recordings/{recordfilename}",
  });
  cookie = await signIn(app.url);
  recorded = calls.find((c) => c.recordFilename && c.callbackEdition === "classic")!;
  expect(recorded).toBeDefined();
  await sendCall(app.url, TEST_TOKEN, recorded, { fast: true, billOnly: true, downloadIp });
  const res = await fetch(`${app.url}/api/calls?hasRecording=yes`, { headers: { cookie } });
  const rows = ((await res.json()) as { rows: { id: number; uuid: string }[] }).rows;
  for (const r of rows) idByUuid.set(r.uuid, r.id);
  recordedId = idByUuid.get(recorded.uuid)!;
  expect(recordedId).toBeGreaterThan(0);
});
afterAll(async () => {
  await app?.stop();
  await vendor?.close();
});

const get = (id: number, headers: Record<string, string> = {}, query = "") =>
  fetch(`${app.url}/api/calls/${id}/recording${query}`, { headers: { cookie, ...headers } });

describe("GET /api/calls/:id/recording", () => {
  it("streams the vendor's file with its type and byte ranges advertised", async () => {
    const res = await get(recordedId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/wav");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="call-\d+-.+\.wav"$/);
    expect(Buffer.from(await res.arrayBuffer()).equals(recordingFor(recorded.recordFilename))).toBe(true);
  });

  it("answers a Range with 206, Content-Range and exactly those bytes", async () => {
    const file = recordingFor(recorded.recordFilename);
    const res = await get(recordedId, { range: "bytes=100-199" });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 100-199/${file.length}`);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(100);
    expect(body.equals(file.subarray(100, 200))).toBe(true);

    const tail = await get(recordedId, { range: "bytes=-10" });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(file.subarray(file.length - 10))).toBe(true);
  });

  it("passes an unsatisfiable range on as 416", async () => {
    const res = await get(recordedId, { range: "bytes=999999999-" });
    expect(res.status).toBe(416);
  });

  it("answers HEAD without a body", async () => {
    const res = await fetch(`${app.url}/api/calls/${recordedId}/recording`, { method: "HEAD", headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/wav");
  });

  it("offers the file as a download with ?download=1", async () => {
    const res = await get(recordedId, {}, "?download=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="call-\d+-.+\.wav"$/);
    expect((await res.arrayBuffer()).byteLength).toBe(recordingFor(recorded.recordFilename).length);
  });

  it("is behind the session", async () => {
    const res = await fetch(`${app.url}/api/calls/${recordedId}/recording`);
    expect(res.status).toBe(401);
  });

  it("says so when the vendor has no such file", async () => {
    const id = await postBill({
      id: 9101,
      uuid: "rec-missing",
      destnumber: "13900009101",
      billsec: 12,
      downloadip: `127.0.0.1:${new URL(vendor.url).port}`,
      recordfilename: "20260101/none.wav",
    });
    const res = await get(id);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: NOT_AT_VENDOR } });
  });

  it.each([
    ["../../etc/passwd", 9201],
    ["20260101/%2e%2e/%2e%2e/secret", 9202],
    ["a\\..\\b.wav", 9203],
    ["/etc/passwd", 9204],
  ])("refuses the file name %j with a 400", async (recordfilename, vendorId) => {
    const id = await postBill({
      id: vendorId,
      uuid: `rec-trav-${vendorId}`,
      destnumber: `139000${vendorId}`,
      downloadip: `127.0.0.1:${new URL(vendor.url).port}`,
      recordfilename,
    });
    const res = await get(id);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/refused/);
  });

  it("refuses a private host that is not allowed, naming the setting", async () => {
    const other = await freePort();
    const id = await postBill({ id: 9301, uuid: "rec-private", destnumber: "13900009301", downloadip: `127.0.0.1:${other}`, recordfilename: "a.wav" });
    const res = await get(id);
    expect(res.status).toBe(403);
    const { error } = (await res.json()) as { error: { message: string } };
    expect(error.message).toContain("loopback");
    expect(error.message).toContain(`127.0.0.1:${other}`);
    expect(error.message).toContain("RECORDING_ALLOWED_HOSTS");
  });

  it("refuses the cloud metadata address given as recordurl", async () => {
    const id = await postBill({
      id: 9302,
      uuid: "rec-metadata",
      destnumber: "13900009302",
      recordurl: "http://169.254.169.254/latest/meta-data/",
      recordfilename: "x.wav",
    });
    const res = await get(id);
    expect(res.status).toBe(403);
  });

  it("answers 404 for a call without a recording and for an unknown call", async () => {
    const id = await postBill({ id: 9401, uuid: "rec-none", destnumber: "13900009401", recordfilename: "" });
    expect((await get(id)).status).toBe(404);
    expect((await get(99_999_999)).status).toBe(404);
    expect((await get(Number.NaN)).status).toBe(400);
  });
});
