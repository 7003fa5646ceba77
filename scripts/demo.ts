// npm run demo – the production build on a demo database, fed by the vendor simulator until Ctrl-C
import { spawn } from "node:child_process";
import { setMaxListeners } from "node:events";
import path from "node:path";
import Database from "better-sqlite3";
import { parseEnv } from "@/lib/env";
import { generateCalls } from "@/simulator/call-universe";
import { sendCall, startCallbackFeed } from "@/simulator/callback-feeder";
import { startPullServer } from "@/simulator/pull-server";

const HISTORY_DAYS = 7;
const HISTORY_CALLS = 1500;
const LIVE_CALLS_PER_MINUTE = 12;

const port = Number(process.env.PORT ?? 3000);
const simPort = Number(process.env.SIM_PORT ?? port + 1010);
const login = { appid: "demo-appid", accesskey: "demo-accesskey" };
const cdrs = { appid: "demo-cdrs-appid", accesskey: "demo-cdrs-key", username: "demo" };
const demoEnv = {
  PORT: String(port),
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/demo.db",
  CALLBACK_TOKEN: process.env.CALLBACK_TOKEN ?? "demo-callback-token",
  ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? "admin@example.com",
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? "demo-password",
  BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://localhost:${port}`,
  VENDOR_TZ: process.env.VENDOR_TZ ?? "Asia/Shanghai",
  RECORDING_ALLOWED_HOSTS: process.env.RECORDING_ALLOWED_HOSTS ?? `127.0.0.1:${simPort}`,
  // The simulated vendor's pull APIs: the app logs in, pulls both APIs every minute over the whole demo week, and
  // polls extension states.
  GETBILL_URL: `http://127.0.0.1:${simPort}/`,
  GETBILL_APPID: login.appid,
  GETBILL_ACCESSKEY: login.accesskey,
  CDRS_URL: `http://127.0.0.1:${simPort}/api/cdrs`,
  CDRS_APPID: cdrs.appid,
  CDRS_ACCESSKEY: cdrs.accesskey,
  CDRS_USERNAME: cdrs.username,
  SYNC_INTERVAL_SECONDS: "60",
  SYNC_LOOKBACK_HOURS: String(HISTORY_DAYS * 24 + 1),
  EXTENSION_POLL_SECONDS: "10",
};
const env = parseEnv({ ...process.env, ...demoEnv });
const baseUrl = `http://127.0.0.1:${port}`;
const downloadIp = `127.0.0.1:${simPort}`;
const stop = new AbortController();
// Every call in flight listens for Ctrl-C.
setMaxListeners(1000, stop.signal);

async function main() {
  const now = Date.now();
  const history = generateCalls({ seed: 7, count: HISTORY_CALLS, fromMs: now - HISTORY_DAYS * 86_400_000, toMs: now - 60_000, downloadIp });
  // The vendor's own record of every call: the history, then each live call as it starts (replaced, not mutated:
  // the simulator caches its sorted view per array).
  let vendorCalls = history;
  const vendor = await startPullServer({
    port: simPort,
    host: "127.0.0.1",
    calls: () => vendorCalls,
    vendorTz: env.VENDOR_TZ,
    login: { ...login, companyname: "Demo Call Center", companycode: "9513923" },
    cdrs,
    downloadIp,
  });
  const app = spawn(path.join(process.cwd(), "node_modules/.bin/next"), ["start", "-p", String(port)], {
    env: { ...process.env, ...demoEnv, NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const shutdown = () => {
    stop.abort();
    app.kill("SIGTERM");
    void vendor.close();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  app.once("exit", (code) => {
    if (!stop.signal.aborted) {
      console.error(`The app exited (${code}); stopping the demo.`);
      shutdown();
      process.exitCode = 1;
    }
  });

  await waitForHealth();
  if (countCalls() === 0) {
    // The last day arrives as callbacks; the whole week also comes by the pull sync, which merges the two.
    const lastDay = history.filter((c) => c.startMs > now - 86_400_000);
    console.log(`Sending the last day's ${lastDay.length} calls as bill callbacks; the sync pulls the whole week…`);
    await sendAll(lastDay);
  }
  banner(vendor);
  await startCallbackFeed({
    baseUrl,
    token: env.CALLBACK_TOKEN[0],
    callsPerMinute: LIVE_CALLS_PER_MINUTE,
    seed: now % 100_000,
    signal: stop.signal,
    downloadIp,
    onCall: (call) => {
      vendorCalls = [...vendorCalls, call];
    },
    onCallDone: (call, results) => {
      const failed = results.filter((r) => !r.ok);
      if (failed.length) console.warn(`simulator: call ${call.uuid}: ${failed.length} request(s) failed: ${failed[0]?.error ?? failed[0]?.status}`);
    },
  });
}

function banner(vendor: { url: string }) {
  console.log(
    [
      "",
      "  Call analytics demo is running.",
      `  Open      http://localhost:${port}`,
      `  Sign in   ${demoEnv.ADMIN_EMAIL} / ${process.env.ADMIN_PASSWORD ? "(your ADMIN_PASSWORD)" : demoEnv.ADMIN_PASSWORD}`,
      `  The simulated vendor sends about ${LIVE_CALLS_PER_MINUTE} calls a minute and serves its pull APIs at ${vendor.url};`,
      "  the app pulls them every minute. Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
}

async function sendAll(calls: ReturnType<typeof generateCalls>) {
  const queue = [...calls];
  let failed = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let call = queue.shift(); call && !stop.signal.aborted; call = queue.shift()) {
        const results = await sendCall(baseUrl, env.CALLBACK_TOKEN[0], call, { fast: true, billOnly: true, downloadIp, signal: stop.signal });
        if (results.some((r) => !r.ok)) failed++;
      }
    }),
  );
  if (failed) console.warn(`${failed} history calls could not be sent.`);
}

function countCalls(): number {
  const db = new Database(env.databasePath, { readonly: true });
  try {
    return (db.prepare("select count(*) as n from calls").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function waitForHealth() {
  for (let i = 0; i < 600 && !stop.signal.aborted; i++) {
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the app did not answer /api/health within 2 minutes");
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  stop.abort();
  process.exit(1);
});
