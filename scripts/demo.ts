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
const demoEnv = {
  PORT: String(port),
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/demo.db",
  CALLBACK_TOKEN: process.env.CALLBACK_TOKEN ?? "demo-callback-token",
  ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? "admin@example.com",
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? "demo-password",
  BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://localhost:${port}`,
  VENDOR_TZ: process.env.VENDOR_TZ ?? "Asia/Shanghai",
  RECORDING_ALLOWED_HOSTS: process.env.RECORDING_ALLOWED_HOSTS ?? `127.0.0.1:${simPort}`,
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
  const vendor = await startPullServer({
    port: simPort,
    host: "127.0.0.1",
    calls: history,
    vendorTz: env.VENDOR_TZ,
    cdrs: { appid: "demo-appid", accesskey: "demo-accesskey", username: "demo" },
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
    console.log(`Loading ${HISTORY_CALLS} calls of the last ${HISTORY_DAYS} days through the bill callback…`);
    await sendAll(history);
  }
  banner();
  await startCallbackFeed({
    baseUrl,
    token: env.CALLBACK_TOKEN,
    callsPerMinute: LIVE_CALLS_PER_MINUTE,
    seed: now % 100_000,
    signal: stop.signal,
    downloadIp,
    onCallDone: (call, results) => {
      const failed = results.filter((r) => !r.ok);
      if (failed.length) console.warn(`simulator: call ${call.uuid}: ${failed.length} request(s) failed: ${failed[0]?.error ?? failed[0]?.status}`);
    },
  });
}

function banner() {
  console.log(
    [
      "",
      "  Call analytics demo is running.",
      `  Open      http://localhost:${port}`,
      `  Sign in   ${demoEnv.ADMIN_EMAIL} / ${process.env.ADMIN_PASSWORD ? "(your ADMIN_PASSWORD)" : demoEnv.ADMIN_PASSWORD}`,
      `  The simulated vendor sends about ${LIVE_CALLS_PER_MINUTE} calls a minute; Ctrl-C stops everything.`,
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
        const results = await sendCall(baseUrl, env.CALLBACK_TOKEN, call, { fast: true, billOnly: true, downloadIp, signal: stop.signal });
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
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
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
