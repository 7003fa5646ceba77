// npx tsx --conditions=react-server scripts/bench-http.ts <db-file> – times every request the dashboard's pages make,
// over real HTTP against the production build (NEXT_DIST_DIR or .next; built first when it has no BUILD_ID) serving
// <db-file>. Chromium opens each page once to find out which requests it makes (documents, RSC, fetches); then each
// is replayed with fetch, 1 warm-up + RUNS (default 20) sequential runs, whole body read. Prints p50/p95 per request and
// exits 1 when any answered other than 2xx: a bench that times errors is lying. The app migrates the file and keeps
// its sessions in it. (--conditions=react-server makes `server-only` an empty module outside Next.)
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Page, type Request } from "@playwright/test";
import Database from "better-sqlite3";
import { toSearchParams } from "@/lib/filters/call-filter";
import { presetRange } from "@/lib/filters/time-range";
import { signIn, startAppServer } from "@/tests/support/app-server";

const RUNS = Number(process.env.RUNS ?? 20);
const TZ = "Asia/Shanghai";
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
/** /live refreshes every second, so its network is never idle: it gets this long instead. */
const LIVE_SETTLE_MS = 3000;
/** Network idle: no request open or started for this long (after hydration, when prefetching starts). */
const QUIET_MS = 1000;

type PageVisit = { name: string; path: string; settle: "quiet" | "fixed" };
type Recorded = { page: string; kind: string; method: string; url: string; headers: Record<string, string> };
type Timed = Recorded & { status: number; bytes: number; p50: number; p95: number };
type Discovery = { requests: Recorded[]; staticAssets: Set<string>; skipped: Set<string> };

const file = process.argv[2];
if (!file || !(RUNS >= 1)) {
  console.error("usage: npx tsx --conditions=react-server scripts/bench-http.ts <db-file>   (env RUNS, NEXT_DIST_DIR)");
  process.exit(2);
}
const dbFile = path.resolve(file);
const startedAt = performance.now();

ensureBuild();
const sample = readSample(dbFile);
const server = await startAppServer({
  DATABASE_URL: `file:${dbFile}`,
  DISPLAY_TZ: TZ,
  // No pull sync and no extension poll: background work would share the two cores with the requests being timed.
  SYNC_INTERVAL_SECONDS: "0",
  EXTENSION_POLL_SECONDS: "0",
  // Otherwise the app writes a generated secret into .auth-secret beside the database file.
  BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
});
// Ctrl-C must not leave `next start` serving (and holding the database) after the script is gone.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void server.stop().then(() => process.exit(130)));
let failed: boolean;
try {
  const cookie = await signIn(server.url);
  const found = await discoverRequests(server.url, cookie, pageVisits(sample.recentCallId));
  console.log(`\nHTTP: every request of the dashboard's pages on ${sample.calls.toLocaleString("en-US")} calls (${DIST_DIR}, 1 warm-up + ${RUNS} runs each)`);
  const timed: Timed[] = [];
  for (const request of found.requests) timed.push(await timeRequest(request, cookie));
  printTable(timed, found);
  failed = timed.some((t) => !isOk(t.status));
} finally {
  await server.stop();
}
console.log(`bench-http took ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
if (failed) {
  console.error("some requests did not answer 2xx: their timings are not the page's");
  process.exit(1);
}

function ensureBuild() {
  if (existsSync(path.join(DIST_DIR, "BUILD_ID"))) return;
  console.log(`no production build in ${DIST_DIR}: running next build`);
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** The size of the data, and a call to open: recent, as a supervisor would click from the first page. */
function readSample(file: string): { calls: number; recentCallId: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const { calls } = db.prepare("select count(*) as calls from calls").get() as { calls: number };
    const row = db.prepare("select id from calls order by started_at_ms desc limit 1 offset 500").get() as { id: number } | undefined;
    if (!row) throw new Error(`${file} holds fewer than 501 calls`);
    return { calls, recentCallId: row.id };
  } finally {
    db.close();
  }
}

/** The pages as a supervisor opens them; ranges are the filter bar's presets, so the URLs are the ones it builds. */
function pageVisits(callId: number): PageVisit[] {
  const week = presetRange("7d", TZ);
  const month = presetRange("30d", TZ);
  const visit = (name: string, pathname: string, params?: URLSearchParams): PageVisit => ({
    name,
    path: params ? `${pathname}?${params.toString()}` : pathname,
    settle: "quiet",
  });
  return [
    visit("/calls", "/calls"),
    visit("/calls 30d by talk time", "/calls", toSearchParams({ from: month.from, to: month.to, sort: "billSec" })),
    visit("/calls 7d search 1381", "/calls", toSearchParams({ from: week.from, to: week.to, q: "1381" })),
    visit("/calls/[id]", `/calls/${callId}`),
    visit("/analytics (7d default)", "/analytics"),
    visit("/analytics 30d", "/analytics", toSearchParams({ from: month.from, to: month.to })),
    { name: "/live", path: "/live", settle: "fixed" },
    visit("/sync", "/sync"),
    visit("/settings", "/settings"),
  ];
}

/** Opens each page in Chromium, signed in, and keeps the first occurrence of each same-origin request it makes. */
async function discoverRequests(baseURL: string, cookie: string, visits: PageVisit[]): Promise<Discovery> {
  const found: Discovery = { requests: [], staticAssets: new Set(), skipped: new Set() };
  const seen = new Set<string>();
  // Our signal handlers stop the server; Playwright's would exit first. It still kills the browser on process exit.
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  try {
    const context = await browser.newContext({ baseURL });
    await context.addCookies(toBrowserCookies(cookie, baseURL));
    for (const visit of visits) {
      const page = await context.newPage();
      const network = watchNetwork(page);
      page.on("request", (request) => record(found, seen, visit.name, baseURL, request));
      await page.goto(visit.path, { waitUntil: "load" });
      if (new URL(page.url()).pathname === "/login") throw new Error(`${visit.name} sent the browser to /login: the session cookie was not accepted`);
      // Links prefetch only once React has hydrated, which on a busy machine can outlast Playwright's 500 ms of
      // "networkidle" and lose a page's prefetches: wait for hydration, then for the network to go quiet.
      await page.waitForFunction(isHydrated);
      if (visit.settle === "fixed") await page.waitForTimeout(LIVE_SETTLE_MS);
      else await network.quiet(QUIET_MS);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return found;
}

/** React marks the DOM nodes it has hydrated with its fiber; the header's first link is on every page. */
function isHydrated(): boolean {
  const link = document.querySelector("header a[href]");
  return link !== null && Object.keys(link).some((key) => key.startsWith("__reactFiber"));
}

/** Counts the page's requests in flight, so that "quiet" means none open and none started for a while. */
function watchNetwork(page: Page) {
  let open = 0;
  let lastChange = performance.now();
  const change = (delta: number) => {
    open += delta;
    lastChange = performance.now();
  };
  page.on("request", () => change(1));
  page.on("requestfinished", () => change(-1));
  page.on("requestfailed", () => change(-1));
  return {
    async quiet(ms: number) {
      const deadline = performance.now() + 30_000;
      while (open > 0 || performance.now() - lastChange < ms) {
        if (performance.now() > deadline) throw new Error(`${page.url()} never went quiet (${open} requests open)`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

function record(found: Discovery, seen: Set<string>, pageName: string, baseURL: string, request: Request) {
  const url = new URL(request.url());
  if (url.origin !== new URL(baseURL).origin) return;
  if (url.pathname.startsWith("/_next/static/")) {
    found.staticAssets.add(url.pathname);
    return;
  }
  const method = request.method();
  const key = `${method} ${url.href}`;
  // Only reads are replayed: repeating a write would time (and cause) side effects no page load has.
  if (method !== "GET" && method !== "HEAD") {
    found.skipped.add(`${pageName}: ${key}`);
    return;
  }
  if (seen.has(key)) return;
  seen.add(key);
  const headers = request.headers();
  found.requests.push({ page: pageName, kind: kindOf(request.resourceType(), headers), method, url: url.href, headers });
}

/** "document", "fetch", "rsc" (a navigation), "prefetch" (up to the loading boundary) or "prefetch /_tree" (routes only). */
function kindOf(resourceType: string, headers: Record<string, string>): string {
  if (headers.rsc !== "1") return resourceType;
  if (!headers["next-router-prefetch"]) return "rsc";
  const segment = headers["next-router-segment-prefetch"];
  return segment ? `prefetch ${segment}` : "prefetch";
}

/** Replays one request as the browser sent it (RSC headers included) with the session cookie. */
async function timeRequest(request: Recorded, cookie: string): Promise<Timed> {
  const headers = forwardableHeaders(request.headers, cookie);
  const times: number[] = [];
  let status = 0;
  let bytes = 0;
  for (let run = 0; run <= RUNS; run++) {
    const t0 = performance.now();
    // A redirect is an answer too (to /login, say): never follow it into timing another page.
    const res = await fetch(request.url, { method: request.method, headers, redirect: "manual" });
    const body = await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (run > 0) times.push(ms);
    // The worst status wins, so one failed run cannot hide behind a later success.
    if (status === 0 || isOk(status)) status = res.status;
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  return { ...request, status, bytes, p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

/** Headers fetch sets itself (or that name the browser's connection) are left to fetch. */
function forwardableHeaders(sent: Record<string, string>, cookie: string): Record<string, string> {
  const own = new Set(["host", "cookie", "connection", "content-length", "keep-alive", "transfer-encoding"]);
  const headers = Object.fromEntries(Object.entries(sent).filter(([name]) => !own.has(name.toLowerCase())));
  return { ...headers, cookie };
}

function printTable(timed: Timed[], found: Discovery) {
  const cols = [24, 15, 64, 6, 9, 8, 8];
  const line = (cells: string[]) => console.log(cells.map((c, i) => (i < 3 ? c.padEnd(cols[i]!) : c.padStart(cols[i]!))).join(" "));
  line(["page", "kind", "request", "status", "bytes", "p50 ms", "p95 ms"]);
  for (const t of timed) {
    line([t.page, t.kind, shorten(t.method, t.url), String(t.status), t.bytes.toLocaleString("en-US"), t.p50.toFixed(1), t.p95.toFixed(1)]);
  }
  console.log(`(not timed: ${found.staticAssets.size} static assets under /_next/static; bytes are the decoded body; _rsc cache-busting params hidden)`);
  for (const s of found.skipped) console.log(`not replayed (not a read): ${s}`);
  const worst = timed.reduce<Timed | undefined>((w, t) => (w && w.p95 >= t.p95 ? w : t), undefined);
  if (worst) console.log(`worst p95: ${worst.p95.toFixed(1)} ms – ${shorten(worst.method, worst.url)} (${worst.page}, ${worst.kind})`);
}

/** "GET /calls?from=2026-10-30T16:00Z&…": decoded, the _rsc hash dropped, instants without zero seconds, cut to fit. */
function shorten(method: string, href: string): string {
  const url = new URL(href);
  url.searchParams.delete("_rsc");
  const full = `${method} ${decodeURIComponent(url.pathname + url.search)}`.replace(/T(\d{2}:\d{2}):00\.000Z/g, "T$1Z");
  return full.length > 64 ? `${full.slice(0, 63)}…` : full;
}

/** Nearest rank, as scripts/bench.ts reads its 20 runs (p50 = 10th, p95 = 19th). */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function isOk(status: number): boolean {
  return status >= 200 && status < 300;
}

function toBrowserCookies(cookieHeader: string, url: string) {
  return cookieHeader.split("; ").map((pair) => {
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
  });
}
