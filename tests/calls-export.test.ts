import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCalls } from "@/simulator/call-universe";
import { sendCall } from "@/simulator/callback-feeder";
import { signIn, startAppServer, TEST_TOKEN, type AppServer } from "./support/app-server";

const DAY = 86_400_000;
let app: AppServer;
let cookie: string;
const now = Date.now();

beforeAll(async () => {
  app = await startAppServer({ DISPLAY_TZ: "Asia/Shanghai" });
  cookie = await signIn(app.url);
  const calls = generateCalls({ seed: 5, count: 240, fromMs: now - 10 * DAY, toMs: now - 60_000 });
  const queue = [...calls];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const results = await sendCall(app.url, TEST_TOKEN, c, { fast: true, billOnly: true });
        if (results.some((r) => !r.ok)) throw new Error(`callback failed for call ${c.id}`);
      }
    }),
  );
});
afterAll(async () => {
  await app?.stop();
});

async function total(query: string): Promise<{ total: number; rows: { id: number }[] }> {
  const res = await fetch(`${app.url}/api/calls?${query}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as { total: number; rows: { id: number }[] };
}

async function exportCsv(query: string) {
  const res = await fetch(`${app.url}/api/calls/export?${query}`, { headers: { cookie } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const lines = text.split("\r\n").filter((l) => l !== "");
  return { res, bytes, text, lines };
}

describe("GET /api/calls/export", () => {
  it("streams every call of the filter (not just a page), as UTF-8 with a BOM, with the zone in the header", async () => {
    const { total: n } = await total("pageSize=25");
    expect(n).toBeGreaterThan(200);
    const { res, bytes, lines } = await exportCsv("pageSize=25&page=3");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines[0]).toMatch(/^\uFEFFCall ID,Start \(Asia\/Shanghai\),/);
    expect(lines.length - 1).toBe(n);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="calls_all.csv"');
  });

  it("has as many rows as the filtered total, in the table's order, with human labels", async () => {
    const from = new Date(now - 7 * DAY).toISOString();
    const to = new Date(now).toISOString();
    const query = `from=${from}&to=${to}&direction=outbound&answered=yes&sort=billSec&order=desc`;
    const page = await total(`${query}&pageSize=10`);
    expect(page.total).toBeGreaterThan(10);
    const { lines } = await exportCsv(query);
    expect(lines.length - 1).toBe(page.total);
    const ids = lines.slice(1, 11).map((l) => Number(l.split(",")[0]));
    expect(ids).toEqual(page.rows.map((r) => r.id));
    expect(lines[1]).toContain("Outbound");
    expect(lines[1]).toMatch(/,yes,/);
    expect(lines.slice(1).some((l) => /Normal hangup \(10001\)/.test(l))).toBe(true);
  });

  it("names the file after the range in the display zone (end day inclusive)", async () => {
    // 2026-11-21 00:00 to 2026-11-29 00:00 in Shanghai (UTC+8).
    const { res, lines } = await exportCsv("from=2026-11-20T16:00:00Z&to=2026-11-28T16:00:00Z");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="calls_2026-11-21_to_2026-11-28.csv"');
    const { total: n } = await total("from=2026-11-20T16:00:00Z&to=2026-11-28T16:00:00Z");
    expect(lines.length - 1).toBe(n);
  });

  it("answers an empty filter with the header only", async () => {
    const { res, lines } = await exportCsv("q=00000000000000");
    expect(res.status).toBe(200);
    expect(lines).toHaveLength(1);
  });

  it("refuses a malformed filter with a 400 naming the field", async () => {
    const res = await fetch(`${app.url}/api/calls/export?from=yesterday`, { headers: { cookie } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("from");
  });

  it("is behind the session", async () => {
    const res = await fetch(`${app.url}/api/calls/export`);
    expect(res.status).toBe(401);
  });

  it("does not block other requests while a download is open", async () => {
    const res = await fetch(`${app.url}/api/calls/export`, { headers: { cookie } });
    const reader = res.body!.getReader();
    await reader.read();
    // The export holds its own connection; the table still answers meanwhile.
    const { total: n } = await total("pageSize=5");
    expect(n).toBeGreaterThan(0);
    await reader.cancel();
  });
});
