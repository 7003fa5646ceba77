// The vendor simulator for the Playwright suite: its pull APIs, recordings and live extension states, plus a
// small control port so that specs can inject faults and states. Started by playwright.config.ts.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import type { SimCall } from "@/simulator/call-universe";
import { startPullServer, type Faults, type SipStatusRow } from "@/simulator/pull-server";

const { values } = parseArgs({ options: { port: { type: "string" }, control: { type: "string" } } });
const port = Number(values.port);
const controlPort = Number(values.control);
// Replaced, never mutated: the simulator caches its sorted view per array.
let calls: SimCall[] = [];

export const SIM_LOGIN = { appid: "e2e-appid", accesskey: "e2e-accesskey" };
export const SIM_CDRS = { appid: "e2e-cdrs-appid", accesskey: "e2e-cdrs-key", username: "e2e" };

const vendor = await startPullServer({
  port,
  host: "127.0.0.1",
  calls: () => calls,
  // The account's authorization ends in 10 days: inside the 14-day warning of /sync and /settings.
  login: { ...SIM_LOGIN, companyname: "E2E Call Center", companycode: "9513923", authExpiresAtMs: Date.now() + 10 * 86_400_000 },
  cdrs: SIM_CDRS,
  downloadIp: `127.0.0.1:${port}`,
});

const control = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : null;
  if (req.url === "/faults") vendor.setFaults(body as Faults);
  else if (req.url === "/sip-statuses") vendor.setSipStatuses(body as SipStatusRow[] | null);
  else if (req.url === "/calls") calls = [...calls, ...(body as SimCall[])];
  else if (req.url === "/revoke-tokens") vendor.revokeTokens();
  else if (req.url !== "/health") {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, stats: vendor.stats }));
});
control.listen(controlPort, "127.0.0.1");
console.log(`e2e vendor simulator on ${vendor.url}, control on http://127.0.0.1:${controlPort}`);
