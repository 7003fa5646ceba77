/**
 * The vendor simulator from the command line.
 *   tsx simulator/cli.ts feed  --url http://localhost:3000 --token TOKEN [--per-minute 30] [--seed 1] [--count N] [--fast]
 *   tsx simulator/cli.ts serve [--port 4010] [--calls 20000] [--days 7] [--seed 1] [--live-hours 0] [--token sim-token]
 *                              [--appid sim-appid] [--accesskey sim-accesskey] [--username sim] [--fault-rate 0]
 */
import { parseArgs } from "node:util";

import { formatZonedTime } from "../lib/time";
import { type SimCall, generateCalls } from "./call-universe";
import { startCallbackFeed, type SendResult } from "./callback-feeder";
import { DEFAULT_VENDOR_TZ } from "./payloads";
import { startPullServer, type Faults } from "./pull-server";

const USAGE = `usage:
  tsx simulator/cli.ts feed --url http://localhost:3000 --token TOKEN [--per-minute 30] [--seed 1] [--count N] [--fast] [--tz Asia/Shanghai]
  tsx simulator/cli.ts serve [--port 4010] [--calls 20000] [--days 7] [--seed 1] [--live-hours 0] [--tz Asia/Shanghai]
                             [--token sim-token] [--appid sim-appid] [--accesskey sim-accesskey] [--username sim] [--fault-rate 0]`;

function num(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number`);
  return n;
}

function maskNumber(n: string): string {
  return n.length > 7 ? `${n.slice(0, 3)}****${n.slice(-4)}` : n;
}

function describeCall(call: SimCall, tz: string): string {
  const talk = call.answered ? `answered ${call.billSec}s` : `missed (${call.hangupCause})`;
  return `call #${call.id} ${formatZonedTime(call.startMs, tz)} ${call.direction} m${call.callMethod} ext=${call.extension || "-"} ${maskNumber(call.customerNumber)} ${talk} bill=${call.callbackEdition}`;
}

function describeResult(r: SendResult): string {
  const outcome = r.ok ? `${r.status}` : `FAILED ${r.status ?? r.error ?? ""}`;
  return `  #${r.callId} ${r.kind.padEnd(6)} ${r.encoding.padEnd(12)} ${outcome} (${r.attempts} attempt${r.attempts === 1 ? "" : "s"}, ${r.elapsedMs} ms)`;
}

async function feed(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: "string", default: "http://localhost:3000" },
      token: { type: "string" },
      "per-minute": { type: "string", default: "30" },
      seed: { type: "string", default: "1" },
      count: { type: "string" },
      fast: { type: "boolean", default: false },
      tz: { type: "string", default: DEFAULT_VENDOR_TZ },
      "download-ip": { type: "string" },
    },
  });
  if (!values.token) throw new Error("--token is required");
  const controller = new AbortController();
  process.once("SIGINT", () => {
    console.log("stopping: calls still in progress are abandoned without their bill (Ctrl-C again to quit now)");
    controller.abort();
    process.once("SIGINT", () => process.exit(130));
  });
  const tz = values.tz;
  const summary = await startCallbackFeed({
    baseUrl: values.url,
    token: values.token,
    callsPerMinute: num(values["per-minute"], "per-minute", 30),
    seed: num(values.seed, "seed", 1),
    count: values.count === undefined ? undefined : num(values.count, "count", 0),
    fast: values.fast,
    vendorTz: tz,
    downloadIp: values["download-ip"],
    signal: controller.signal,
    onCall: (call) => console.log(describeCall(call, tz)),
    onResult: (r) => console.log(describeResult(r)),
  });
  console.log(`done: ${summary.calls} calls, ${summary.requests} requests, ${summary.failed} failed`);
}

async function serve(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      calls: { type: "string", default: "20000" },
      days: { type: "string", default: "7" },
      seed: { type: "string", default: "1" },
      "live-hours": { type: "string", default: "0" },
      tz: { type: "string", default: DEFAULT_VENDOR_TZ },
      token: { type: "string", default: "sim-token" },
      appid: { type: "string", default: "sim-appid" },
      accesskey: { type: "string", default: "sim-accesskey" },
      username: { type: "string", default: "sim" },
      "fault-rate": { type: "string", default: "0" },
    },
  });
  const nowMs = Date.now();
  const days = num(values.days, "days", 7);
  const liveHours = num(values["live-hours"], "live-hours", 0);
  const calls = generateCalls({
    seed: num(values.seed, "seed", 1),
    count: num(values.calls, "calls", 20000),
    fromMs: nowMs - days * 86_400_000,
    toMs: nowMs + liveHours * 3_600_000,
    vendorTz: values.tz,
  });
  const rate = num(values["fault-rate"], "fault-rate", 0);
  const faults: Faults =
    rate > 0
      ? {
          all: [
            { kind: "gateway", rate: rate / 3 },
            { kind: "slow", rate: rate / 3, delayMs: 3000 },
            { kind: "truncated", rate: rate / 3 },
          ],
        }
      : {};
  const server = await startPullServer({
    port: num(values.port, "port", 4010),
    host: values.host,
    calls,
    vendorTz: values.tz,
    getbillToken: values.token,
    login: { appid: values.appid, accesskey: values.accesskey },
    cdrs: { appid: values.appid, accesskey: values.accesskey, username: values.username },
    faults,
  });
  console.log(`vendor simulator on ${server.url}: ${calls.length} calls over ${days} days${liveHours ? `, ${liveHours} h more arriving live` : ""}`);
  console.log(`  GetBill:    POST ${server.url}/  service=App.Sip_Cdr.GetBill token=${values.token}   (callmethod defaults to 3!)`);
  console.log(`  Login:      POST ${server.url}/  service=App.Sip_Auth.Login appid=${values.appid} accesskey=${values.accesskey}`);
  console.log(`  /api/cdrs:  POST ${server.url}/api/cdrs  username=${values.username} appid=${values.appid} accesskey=${values.accesskey}`);
  console.log(`  recordings: GET  ${server.url}/recordings/<recordfilename>`);
  if (rate > 0) console.log(`  faults: ${rate * 100}% of requests (gateway, slow, truncated)`);
  const stop = () => {
    console.log("requests:", JSON.stringify(server.stats));
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "feed") return feed(rest);
  if (command === "serve") return serve(rest);
  console.error(USAGE);
  process.exit(command ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  console.error(USAGE);
  process.exit(1);
});
