/**
 * The vendor's pull side over a SimCall universe, on one port:
 *   POST (any path) service=App.Sip_Cdr.GetBill | App.Sip_Auth.Login | App.Sip_Cdr.GetRecodeFile | App.Sip_Status.GetSipCallStatus
 *   POST /api/cdrs
 *   GET|HEAD /recordings/<recordfilename>   (a generated WAV, with Range support)
 * plus injectable faults (gateway 502, truncated body, slow reply, lost reply after marking, error codes).
 * A record exists only once its call has ended (`now()`), so a universe reaching into the future grows live.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { formatZonedTime, parseZonedTime } from "../lib/time";
import { DEFAULT_EXTENSIONS, mulberry32, type SimCall } from "./call-universe";
import { DEFAULT_VENDOR_TZ, RECORDINGS_PATH, toCdrsRecord, toGetBillBill, type PayloadOptions } from "./payloads";

export const RET_MESSAGES = {
  400: "illegal request",
  500: "server error",
  600: "token invalid",
  601: "appid not authorized",
  602: "appid authorization expired",
  603: "module not authorized",
  604: "ip not allowed",
} as const;
export type RetCode = keyof typeof RET_MESSAGES;

export const SERVICES = {
  getbill: "App.Sip_Cdr.GetBill",
  login: "App.Sip_Auth.Login",
  recodefile: "App.Sip_Cdr.GetRecodeFile",
  sipstatus: "App.Sip_Status.GetSipCallStatus",
} as const;

export type FaultKind = "gateway" | "truncated" | "slow" | "lost-after-mark" | "code1000" | "ret";
export type FaultEndpoint = keyof typeof SERVICES | "cdrs" | "recordings" | "all";
export type FaultRule = {
  kind: FaultKind;
  /** Fraction of matching requests hit (seeded); default 1. */
  rate?: number;
  /** Only the next N matching requests; default unlimited. */
  times?: number;
  /** For "slow": delay before the normal reply (default 5000 ms). */
  delayMs?: number;
  /** For "ret": the `ret` code of an App.* reply (default 500). */
  ret?: RetCode;
  /** For "code1000": the `/api/cdrs` code (default 1000). */
  code?: number;
};
export type Faults = Partial<Record<FaultEndpoint, FaultRule | FaultRule[]>>;

export type SipStatusRow = {
  extnumber: string;
  /** 1201 idle, 1202 ringing, 1203 off-hook, 1204 in a call, 1208 other, 1212 not answered, 1213 waiting, 1215 answered, 1216 rejected, 1217 paused, 1014 not registered. */
  status: number;
  caller: string;
  callee: string;
  disnumber: string;
  direction: string;
  channel: string;
  idleduration: number;
  callduration: number;
};

export type PullServerOptions = {
  port?: number;
  host?: string;
  calls: SimCall[] | (() => SimCall[]);
  vendorTz?: string;
  /** A fixed GetBill token that never expires. Default "sim-token" when `login` is not configured. */
  getbillToken?: string;
  login?: {
    appid: string;
    accesskey: string;
    /** Token lifetime (default 12 h). */
    tokenTtlMs?: number;
    /** A token serves this many App.* requests, then is invalid. */
    tokenMaxUses?: number;
    /** When the account's authorization ends (login `authtime`); default a year from now. */
    authExpiresAtMs?: number;
    companycode?: string;
    companyname?: string;
    ipwhite?: string;
  };
  cdrs: { appid: string; accesskey: string; username?: string; ip?: string; /** default 1000; larger per_page is clamped */ maxPerPage?: number };
  faults?: Faults;
  faultSeed?: number;
  /** `downloadip` of recorded calls: default this server's host:port; false keeps the calls' own. */
  downloadIp?: string | false;
  /** Whether syncflag=3 reads mark records as queried too (default true: any read marks). */
  syncflag3Marks?: boolean;
  /** Lifetime of GetRecodeFile download URLs (default 1 h). */
  recordingUrlTtlMs?: number;
  /** The vendor's clock (default Date.now): calls still running at now() have no bill yet. */
  now?: () => number;
};

export type PullServerStats = {
  /** Requests per service: App.* service names, "cdrs", "recordings", "unknown". */
  requests: Record<string, number>;
  /** Injected faults, keyed "<endpoint>:<kind>". */
  faults: Record<string, number>;
};

export type PullServer = {
  url: string;
  port: number;
  close(): Promise<void>;
  setFaults(faults: Faults): void;
  /** Overrides what GetSipCallStatus reports; null goes back to statuses derived from calls in progress. */
  setSipStatuses(rows: SipStatusRow[] | null): void;
  /** Invalidates every login token (as the vendor's 12 h expiry would). */
  revokeTokens(): void;
  /** GetBill ids already handed out (syncflag 2 set). */
  queried: Set<number>;
  stats: PullServerStats;
};

type Reply = { status: number; headers: Record<string, string>; body: string | Buffer };
type Params = Record<string, string>;

class BadBody extends Error {}

const MAX_BODY_BYTES = 1_000_000;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BadBody("body too large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function parseParams(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Params = Object.fromEntries(url.searchParams);
  if (req.method !== "POST" && req.method !== "PUT") return params;
  const body = await readBody(req);
  if (body.length === 0) return params;
  const contentType = req.headers["content-type"] ?? "";
  if (contentType.includes("application/json")) {
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      throw new BadBody("malformed JSON");
    }
    if (typeof json !== "object" || json === null || Array.isArray(json)) throw new BadBody("JSON body is not an object");
    for (const [k, v] of Object.entries(json)) if (v !== null && v !== undefined) params[k] = String(v);
    return params;
  }
  if (contentType.includes("multipart/form-data") || contentType.includes("application/x-www-form-urlencoded")) {
    try {
      const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
      for (const [k, v] of form) if (typeof v === "string") params[k] = v;
    } catch {
      throw new BadBody("malformed form body");
    }
    return params;
  }
  // Untyped bodies: try urlencoded, as PHP would.
  for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = v;
  return params;
}

function json(body: unknown, status = 200): Reply {
  return { status, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(body) };
}

function retError(ret: RetCode, msg?: string, reqtime = Math.floor(Date.now() / 1000)): Reply {
  const text = msg ?? RET_MESSAGES[ret];
  return json({ ret, data: { errors: { code: ret, codemsg: text }, reqtime, rsptime: Math.floor(Date.now() / 1000) }, msg: text });
}

function retOk(result: unknown, reqtime: number, desc = "get success", status = 0): Reply {
  return json({ ret: 200, data: { status, desc, result, reqtime, rsptime: Math.floor(Date.now() / 1000) }, msg: "" });
}

/** An integer param: `fallback` when absent or empty, null when not an integer in [min, max]. */
function intParam(params: Params, name: string, fallback: number, min: number, max: number): number | null {
  const raw = params[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  if (!/^-?\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

const GATEWAY_HTML =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/** A `seconds`-long mono 16-bit 8 kHz PCM WAV of a sine tone at `hz`. */
export function makeWav(seconds = 1.5, hz = 440, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const dataBytes = samples * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write("RIFF", 0, "ascii");
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write("WAVE", 8, "ascii");
  buf.write("fmt ", 12, "ascii");
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write("data", 36, "ascii");
  buf.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples; i++) {
    buf.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / sampleRate) * 0.3 * 32767), 44 + i * 2);
  }
  return buf;
}

/** The recording served for `filename`: a tone whose pitch depends on the name, so files differ. */
export function recordingFor(filename: string): Buffer {
  let h = 0;
  for (const ch of filename) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return makeWav(1.5, 300 + (h % 500));
}

function serveBytes(req: IncomingMessage, bytes: Buffer, contentType: string): Reply {
  const size = bytes.length;
  const base = { "content-type": contentType, "accept-ranges": "bytes" };
  const range = req.headers.range;
  const m = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (range && m && (m[1] || m[2])) {
    let start: number;
    let end: number;
    if (m[1] === "") {
      start = Math.max(0, size - Number(m[2]));
      end = size - 1;
    } else {
      start = Number(m[1]);
      end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
    }
    if (start >= size || start > end) {
      return { status: 416, headers: { ...base, "content-range": `bytes */${size}` }, body: "" };
    }
    const part = bytes.subarray(start, end + 1);
    return { status: 206, headers: { ...base, "content-range": `bytes ${start}-${end}/${size}`, "content-length": String(part.length) }, body: part };
  }
  // No range, or a multi-range/garbled one: the whole file (allowed by RFC 9110).
  return { status: 200, headers: { ...base, "content-length": String(size) }, body: bytes };
}

export async function startPullServer(options: PullServerOptions): Promise<PullServer> {
  const vendorTz = options.vendorTz ?? DEFAULT_VENDOR_TZ;
  const now = options.now ?? Date.now;
  const fixedToken = options.getbillToken ?? (options.login ? undefined : "sim-token");
  const syncflag3Marks = options.syncflag3Marks ?? true;
  const faultRng = mulberry32(options.faultSeed ?? 1);
  const tokenRng = mulberry32((options.faultSeed ?? 1) ^ 0x5eed);
  let faults: Faults = options.faults ?? {};
  const faultUses = new Map<FaultRule, number>();
  let sipOverride: SipStatusRow[] | null = null;
  const tokens = new Map<string, { expiresAtMs: number; usesLeft: number | null }>();
  const queried = new Set<number>();
  const stats: PullServerStats = { requests: {}, faults: {} };
  let payloadOpts: PayloadOptions = { vendorTz };

  const allCalls = () => (typeof options.calls === "function" ? options.calls() : options.calls);
  /** Calls with a record: ended by now(), ordered by `key`. */
  let sortedCache: { source: SimCall[]; bySip: SimCall[]; byCdrs: SimCall[] } | null = null;
  const visibleCalls = (key: "bySip" | "byCdrs"): SimCall[] => {
    const source = allCalls();
    if (sortedCache?.source !== source) {
      sortedCache = { source, bySip: [...source].sort((a, b) => a.id - b.id), byCdrs: [...source].sort((a, b) => a.cdrsId - b.cdrsId) };
    }
    const t = now();
    return sortedCache[key].filter((c) => c.endMs <= t);
  };
  const findRecording = (filename: string): SimCall | undefined => visibleCalls("bySip").find((c) => c.recordFilename === filename);

  function pickFault(endpoint: FaultEndpoint): FaultRule | null {
    const asList = (r: FaultRule | FaultRule[] | undefined) => (r === undefined ? [] : Array.isArray(r) ? r : [r]);
    for (const rule of [...asList(faults[endpoint]), ...asList(faults.all)]) {
      const used = faultUses.get(rule) ?? 0;
      if (rule.times !== undefined && used >= rule.times) continue;
      if (faultRng() >= (rule.rate ?? 1)) continue;
      faultUses.set(rule, used + 1);
      const key = `${endpoint}:${rule.kind}`;
      stats.faults[key] = (stats.faults[key] ?? 0) + 1;
      return rule;
    }
    return null;
  }

  function tokenValid(token: string | undefined): boolean {
    if (!token) return false;
    if (fixedToken !== undefined && token === fixedToken) return true;
    const entry = tokens.get(token);
    if (!entry) return false;
    if (now() >= entry.expiresAtMs || (entry.usesLeft !== null && entry.usesLeft <= 0)) {
      tokens.delete(token);
      return false;
    }
    if (entry.usesLeft !== null) entry.usesLeft--;
    return true;
  }

  function login(params: Params, reqtime: number): Reply {
    const cfg = options.login;
    if (!params.appid || !params.accesskey) return retError(400, "appid and accesskey are required", reqtime);
    if (!cfg || params.appid !== cfg.appid || params.accesskey !== cfg.accesskey) return retError(601, "appid or accesskey invalid", reqtime);
    let token = "";
    for (let i = 0; i < 4; i++)
      token += Math.floor(tokenRng() * 2 ** 32)
        .toString(16)
        .padStart(8, "0");
    tokens.set(token, { expiresAtMs: now() + (cfg.tokenTtlMs ?? 12 * 3600_000), usesLeft: cfg.tokenMaxUses ?? null });
    return retOk(
      {
        companycode: cfg.companycode ?? "20000013",
        companyname: cfg.companyname ?? "Simulated Call Center",
        token,
        // The account's API authorization ends then (issue 8 reads `authtime` as that expiry).
        authtime: formatZonedTime(cfg.authExpiresAtMs ?? now() + 365 * 86_400_000, vendorTz),
        authmodel: "1",
        ipwhite: cfg.ipwhite ?? "",
      },
      reqtime,
      "login success",
    );
  }

  function getBill(params: Params, reqtime: number): Reply {
    if (!tokenValid(params.token)) return retError(600, undefined, reqtime);
    const fromMs = parseZonedTime(params.starttime ?? "", vendorTz);
    const toMs = parseZonedTime(params.endtime ?? "", vendorTz);
    if (fromMs === null || toMs === null) return retError(400, "starttime and endtime must be yyyy-mm-dd hh:mm:ss", reqtime);
    const syncflag = intParam(params, "syncflag", 1, 1, 3);
    const direction = intParam(params, "direction", 3, 1, 3);
    const callmethod = intParam(params, "callmethod", 3, 0, 6); // the default hides every non-API call
    const currentpage = intParam(params, "currentpage", 1, 1, Number.MAX_SAFE_INTEGER);
    const itemsperpage = intParam(params, "itemsperpage", 10, 1, 1000);
    if (syncflag === null) return retError(400, "syncflag must be 1, 2 or 3", reqtime);
    if (direction === null) return retError(400, "direction must be 1, 2 or 3", reqtime);
    if (callmethod === null) return retError(400, "callmethod must be 0..6", reqtime);
    if (currentpage === null) return retError(400, "currentpage must be at least 1", reqtime);
    if (itemsperpage === null) return retError(400, "itemsperpage must be 1..1000", reqtime);
    const exts = (params.extnumber ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const eq = (name: string, value: string) => !params[name] || params[name] === value;

    const matching = visibleCalls("bySip").filter(
      (c) =>
        c.startMs >= fromMs &&
        c.startMs <= toMs &&
        (direction === 3 || c.direction === (direction === 1 ? "callin" : "callout")) &&
        (callmethod === 0 || c.callMethod === callmethod) &&
        (exts.length === 0 || exts.includes(c.extension)) &&
        eq("destnumber", c.destnumber) &&
        eq("userid", c.agentId) &&
        eq("memberid", c.memberId) &&
        eq("chengshudu", c.chengshudu) &&
        eq("customuuid", c.customUuid) &&
        (syncflag === 3 || (syncflag === 1) !== queried.has(c.id)),
    );
    const page = matching.slice((currentpage - 1) * itemsperpage, currentpage * itemsperpage);
    if (syncflag === 1 || (syncflag === 3 && syncflag3Marks)) for (const c of page) queried.add(c.id);
    return retOk({ totalitems: matching.length, currentpage, itemsperpage, bills: page.map((c) => toGetBillBill(c, payloadOpts)) }, reqtime);
  }

  function getRecodeFile(params: Params, reqtime: number, origin: string): Reply {
    if (!tokenValid(params.token)) return retError(600, undefined, reqtime);
    if (!params.filename) return retError(400, "filename is required", reqtime);
    if (!findRecording(params.filename)) return retOk({ downurl: "", expiredtime: "" }, reqtime, "record file not exist", 1);
    const expiresMs = now() + (options.recordingUrlTtlMs ?? 3600_000);
    const sign = randomBytes(8).toString("hex");
    return retOk(
      {
        downurl: `${origin}${RECORDINGS_PATH}${params.filename}?expires=${Math.floor(expiresMs / 1000)}&sign=${sign}`,
        expiredtime: formatZonedTime(expiresMs, vendorTz),
      },
      reqtime,
    );
  }

  function sipStatus(params: Params, reqtime: number): Reply {
    if (!tokenValid(params.token)) return retError(600, undefined, reqtime);
    if (sipOverride) return retOk(sipOverride, reqtime);
    const t = now();
    const source = allCalls();
    const extensions = [...new Set(source.map((c) => c.extension).filter(Boolean))].sort();
    const rows = (extensions.length ? extensions : [...DEFAULT_EXTENSIONS]).map((ext): SipStatusRow => {
      const live = source.find((c) => c.extension === ext && c.startMs <= t && t < c.endMs);
      const last = source.filter((c) => c.extension === ext && c.endMs <= t).reduce((m, c) => Math.max(m, c.endMs), 0);
      if (!live) {
        return {
          extnumber: ext,
          status: 1201,
          caller: "",
          callee: "",
          disnumber: "",
          direction: "",
          channel: "",
          idleduration: last ? Math.floor((t - last) / 1000) : 0,
          callduration: 0,
        };
      }
      const talking = live.answered && live.answerMs !== null && live.answerMs <= t;
      const inbound = live.direction === "callin";
      return {
        extnumber: ext,
        status: talking ? 1204 : 1202,
        caller: inbound ? live.customerNumber : ext,
        callee: inbound ? ext : live.destnumber,
        disnumber: live.disnumber,
        direction: live.direction,
        channel: `sofia/internal/${ext}-${live.buuid.slice(0, 8)}`,
        idleduration: 0,
        callduration: talking && live.answerMs !== null ? Math.floor((t - live.answerMs) / 1000) : 0,
      };
    });
    return retOk(rows, reqtime);
  }

  function cdrs(params: Params, fault: FaultRule | null): Reply {
    const cfg = options.cdrs;
    if (fault && (fault.kind === "code1000" || fault.kind === "ret")) return json({ code: fault.code ?? 1000, msg: "system error" });
    const missing = ["appid", "accesskey", "starttime", "endtime"].find((k) => !params[k]);
    if (missing) return json({ code: 1001, msg: `parameter error: ${missing} is required` });
    if (!params.username && !params.ip) return json({ code: 1001, msg: "parameter error: username or ip is required" });
    const anyIdentity = cfg.username === undefined && cfg.ip === undefined;
    const identityOk = anyIdentity || (!!params.username && params.username === cfg.username) || (!!params.ip && params.ip === cfg.ip);
    if (params.appid !== cfg.appid || params.accesskey !== cfg.accesskey || !identityOk) {
      return json({ code: 1005, msg: "username or appid or accesskey error" });
    }
    const fromMs = parseZonedTime(params.starttime ?? "", vendorTz);
    const toMs = parseZonedTime(params.endtime ?? "", vendorTz);
    if (fromMs === null || toMs === null) return json({ code: 1001, msg: "parameter error: starttime/endtime format" });
    const page = intParam(params, "page", 1, 1, Number.MAX_SAFE_INTEGER);
    const perPageAsked = intParam(params, "per_page", 10, 1, Number.MAX_SAFE_INTEGER);
    if (page === null || perPageAsked === null) return json({ code: 1001, msg: "parameter error: page/per_page" });
    const perPage = Math.min(perPageAsked, cfg.maxPerPage ?? 1000);
    if (params.context && params.context !== "callin" && params.context !== "callout") return json({ code: 1001, msg: "parameter error: context" });
    if (params.callmethod && !/^[0-6]$/.test(params.callmethod)) return json({ code: 1001, msg: "parameter error: callmethod" });
    const method = params.callmethod ? Number(params.callmethod) : 0;
    const eq = (name: string, value: string) => !params[name] || params[name] === value;

    const matching = visibleCalls("byCdrs").filter(
      (c) =>
        c.startMs >= fromMs &&
        c.startMs <= toMs &&
        eq("extnumber", c.extension) &&
        eq("disnumber", c.disnumber) &&
        eq("callnumber", c.destnumber) &&
        eq("context", c.direction) &&
        (method === 0 || c.callMethod === method) &&
        eq("userid", c.agentId) &&
        eq("memberid", c.memberId),
    );
    const data = matching.slice((page - 1) * perPage, page * perPage).map((c) => toCdrsRecord(c, payloadOpts));
    return json({ code: 1, msg: "successful request", data: { data, page, per_page: perPage, total: matching.length } });
  }

  function recording(req: IncomingMessage, url: URL): Reply {
    const filename = decodeURIComponent(url.pathname.slice(RECORDINGS_PATH.length));
    const expires = url.searchParams.get("expires");
    if (expires && Number(expires) * 1000 < now()) return { status: 403, headers: { "content-type": "text/plain" }, body: "link expired" };
    if (!filename || !findRecording(filename)) return { status: 404, headers: { "content-type": "text/plain" }, body: "not found" };
    return serveBytes(req, recordingFor(filename), "audio/wav");
  }

  function count(name: string) {
    stats.requests[name] = (stats.requests[name] ?? 0) + 1;
  }

  function send(res: ServerResponse, reply: Reply, truncate: boolean, headOnly: boolean) {
    if (truncate) {
      // A proxy that dropped the upstream mid-body: 200, no length, half a JSON document.
      const body = Buffer.from(reply.body);
      const { "content-length": _len, ...headers } = reply.headers;
      res.writeHead(reply.status, headers);
      res.end(body.subarray(0, Math.max(1, Math.floor(body.length / 2))));
      return;
    }
    const headers = { ...reply.headers };
    if (headers["content-length"] === undefined) headers["content-length"] = String(Buffer.byteLength(reply.body));
    res.writeHead(reply.status, headers);
    res.end(headOnly ? undefined : reply.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const reqtime = Math.floor(Date.now() / 1000);
    const url = new URL(req.url ?? "/", "http://sim.local");
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;

    let endpoint: FaultEndpoint;
    let params: Params = {};
    let badBody: string | null = null;
    if (url.pathname.startsWith(RECORDINGS_PATH) && (req.method === "GET" || req.method === "HEAD")) {
      endpoint = "recordings";
      count("recordings");
    } else {
      try {
        params = await parseParams(req, url);
      } catch (err) {
        badBody = err instanceof Error ? err.message : "bad body";
      }
      if (url.pathname.replace(/\/+$/, "") === "/api/cdrs") {
        endpoint = "cdrs";
        count("cdrs");
      } else {
        const entry = Object.entries(SERVICES).find(([, name]) => name === params.service);
        endpoint = entry ? (entry[0] as keyof typeof SERVICES) : "all";
        count(entry ? entry[1] : "unknown");
      }
    }

    const fault = pickFault(endpoint);
    if (fault?.kind === "gateway") {
      return send(res, { status: 502, headers: { "content-type": "text/html" }, body: GATEWAY_HTML }, false, false);
    }
    if (fault?.kind === "slow") await new Promise((r) => setTimeout(r, fault.delayMs ?? 5000));

    let reply: Reply;
    if (endpoint === "recordings") {
      reply =
        fault?.kind === "ret" || fault?.kind === "code1000"
          ? { status: 500, headers: { "content-type": "text/plain" }, body: "server error" }
          : recording(req, url);
    } else if (endpoint === "cdrs") {
      reply = badBody ? json({ code: 1001, msg: `parameter error: ${badBody}` }) : cdrs(params, fault);
    } else if (fault?.kind === "ret" || fault?.kind === "code1000") {
      reply = retError(fault.ret ?? 500, undefined, reqtime);
    } else if (badBody) {
      reply = retError(400, badBody, reqtime);
    } else if (endpoint === "getbill") {
      reply = getBill(params, reqtime);
    } else if (endpoint === "login") {
      reply = login(params, reqtime);
    } else if (endpoint === "recodefile") {
      reply = getRecodeFile(params, reqtime, origin);
    } else if (endpoint === "sipstatus") {
      reply = sipStatus(params, reqtime);
    } else {
      reply = retError(400, params.service ? `service not found: ${params.service}` : "service is required", reqtime);
    }

    if (fault?.kind === "lost-after-mark") {
      // The work (and GetBill's marking) is done; the reply never arrives.
      req.socket.destroy();
      return;
    }
    send(res, reply, fault?.kind === "truncated", req.method === "HEAD");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(err instanceof Error ? err.message : "error");
      } else {
        res.destroy();
      }
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const publicHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  payloadOpts = { vendorTz, downloadIp: options.downloadIp === false ? undefined : (options.downloadIp ?? `${publicHost}:${port}`) };

  return {
    url: `http://${publicHost}:${port}`,
    port,
    stats,
    queried,
    setFaults(next) {
      faults = next;
      faultUses.clear();
    },
    setSipStatuses(rows) {
      sipOverride = rows;
    },
    revokeTokens() {
      tokens.clear();
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
