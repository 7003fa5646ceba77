import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { generateCalls, type SimCall } from "./call-universe";
import { sendCall, startCallbackFeed } from "./callback-feeder";

type Received = { path: string; token: string | null; contentType: string; json: Record<string, unknown> };

const NOW = Date.UTC(2026, 10, 28);
const calls = generateCalls({ seed: 11, count: 500, fromMs: NOW - 86_400_000, toMs: NOW });
const find = (pred: (c: SimCall) => boolean): SimCall => {
  const call = calls.find(pred);
  if (!call) throw new Error("no such call");
  return call;
};

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const contentType = req.headers["content-type"] ?? "";
  if (contentType.includes("application/json")) return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
  const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  const detail = form.get("detail");
  if (typeof detail !== "string" || [...form.keys()].length !== 1) throw new Error("expected one form field `detail`");
  return { ...(JSON.parse(detail) as Record<string, unknown>), __form: true };
}

describe("callback feeder", () => {
  let server: Server;
  let baseUrl: string;
  let received: Received[] = [];
  let failNext = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      void readJson(req).then((json) => {
        const url = new URL(req.url ?? "/", "http://x");
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end("busy");
          return;
        }
        received.push({ path: url.pathname, token: url.searchParams.get("token"), contentType: req.headers["content-type"] ?? "", json });
        res.writeHead(200).end("1");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received = [];
    failNext = 0;
  });

  it("sends ring, answer, hangup as form `detail`, then a JSON bill, with the token", async () => {
    const call = find((c) => c.answered && c.callbackEdition === "classic" && c.extension !== "");
    const results = await sendCall(baseUrl, "secret", call, { fast: true });
    expect(results.map((r) => [r.kind, r.ok])).toEqual([
      ["ring", true],
      ["answer", true],
      ["hangup", true],
      ["bill", true],
    ]);
    expect(received.map((r) => r.path)).toEqual([
      "/api/callbacks/extension-status",
      "/api/callbacks/extension-status",
      "/api/callbacks/extension-status",
      "/api/callbacks/bill",
    ]);
    expect(received.every((r) => r.token === "secret")).toBe(true);
    expect(received.slice(0, 3).map((r) => r.json.status)).toEqual(["ring", "answer", "hangup"]);
    expect(received.slice(0, 3).every((r) => r.contentType.startsWith("multipart/form-data"))).toBe(true);
    const bill = received[3];
    expect(bill?.contentType).toBe("application/json");
    expect(bill?.json).toMatchObject({ id: call.id, uuid: call.uuid, crmid: call.agentId, companycode: Number(call.companyCode) });
    expect(results.every((r) => !r.path.includes("secret"))).toBe(true);
  });

  it("sends the 2025 edition as JSON", async () => {
    const call = find((c) => c.callbackEdition === "2025");
    await sendCall(baseUrl, "t", call, { fast: true });
    expect(received.at(-1)?.json).toMatchObject({ id: call.id, direction: call.direction, userid: call.agentId, companycode: call.companyCode });
  });

  it("sends a predictive bill as form `detail` with uuid and no id", async () => {
    const call = find((c) => c.callbackEdition === "predictive" && !c.answered);
    const results = await sendCall(baseUrl, "t", call, { fast: true });
    expect(results.map((r) => r.kind)).toEqual(["bill"]);
    const bill = received[0];
    expect(bill?.json.__form).toBe(true);
    expect(bill?.json.uuid).toBe(call.uuid);
    expect(bill?.json).not.toHaveProperty("id");
  });

  it("retries a failed POST like the vendor", async () => {
    failNext = 2;
    const call = find((c) => c.callbackEdition === "predictive" && !c.answered);
    const [result] = await sendCall(baseUrl, "t", call, { fast: true, retryDelayMs: 10 });
    expect(result).toMatchObject({ ok: true, status: 200, attempts: 3 });
    failNext = 10;
    const [gaveUp] = await sendCall(baseUrl, "t", call, { fast: true, retries: 1, retryDelayMs: 10 });
    expect(gaveUp).toMatchObject({ ok: false, status: 503, attempts: 2 });
  });

  it("reports a network failure", async () => {
    const call = find((c) => c.callbackEdition === "predictive" && !c.answered);
    const [result] = await sendCall("http://127.0.0.1:1", "t", call, { fast: true, retries: 1, retryDelayMs: 10 });
    expect(result?.ok).toBe(false);
    expect(result?.status).toBeNull();
    expect(result?.error).toBeTruthy();
  });

  it("waits for each event's own instant in live mode", async () => {
    const call = find((c) => c.answered && c.extension !== "");
    const startMs = Math.ceil(Date.now() / 1000) * 1000 + 1000;
    const live: SimCall = { ...call, startMs, answerMs: startMs + 1000, endMs: startMs + 2000, durationSec: 2, billSec: 1 };
    const t0 = Date.now();
    const results = await sendCall(baseUrl, "t", live, { retryDelayMs: 10 });
    expect(results.map((r) => r.kind)).toEqual(["ring", "answer", "hangup", "bill"]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(startMs + 3000 - t0 - 50);
  });

  it("feeds a counted run of calls, ids increasing, each finishing with its bill", async () => {
    const summary = await startCallbackFeed({ baseUrl, token: "t", callsPerMinute: 600, seed: 1, count: 6, fast: true });
    expect(summary.calls).toBe(6);
    expect(summary.failed).toBe(0);
    const bills = received.filter((r) => r.path === "/api/callbacks/bill");
    expect(bills).toHaveLength(6);
    expect(summary.requests).toBe(received.length);
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const summary = await startCallbackFeed({ baseUrl, token: "t", callsPerMinute: 6000, seed: 2, signal: controller.signal, fast: true });
    expect(summary.calls).toBeGreaterThan(0);
  });
});
