/**
 * A deterministic universe of vendor calls. One SimCall is the vendor's view of a call; simulator/payloads.ts renders it
 * as each documented payload (bill callbacks of both editions, predictive callbacks, status events, GetBill, /api/cdrs).
 * All instants are whole seconds in UTC epoch ms, so the vendor's second-resolution strings round-trip exactly.
 */
import { formatZonedTime } from "../lib/time";

export type Rng = () => number;

/** mulberry32: a tiny seeded PRNG, good enough for test data and identical on every machine. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type CallDirection = "callin" | "callout";
/** Vendor `callmethod`: 1 ext-to-ext, 2 manual dial, 3 API call, 4 API double call, 5 predictive, 6 IVR/group call. */
export type CallMethodCode = 1 | 2 | 3 | 4 | 5 | 6;
/** Which bill callback the vendor pushes for this call. */
export type CallbackEdition = "classic" | "2025" | "predictive";
export type UserKey = 1 | "#" | "";

export const HANGUP_NORMAL = 10001;
export const HANGUP_CALLER = 10040;
export const HANGUP_CALLEE = 10041;
export const HANGUP_TIMEOUT = 10015;

export type ASide = {
  /** The agent's own phone, rung first in a double call. */
  number: string;
  startMs: number;
  answerMs: number | null;
  endMs: number;
  durationSec: number;
  billSec: number;
};

export type SimCall = {
  /** `App.Sip_Cdr` id (bill callbacks, GetBill). Increasing in order of insertion (end time). */
  id: number;
  /** `/api/cdrs` id, its own id space. */
  cdrsId: number;
  uuid: string;
  /** B-leg uuid of the extension status events. */
  buuid: string;
  direction: CallDirection;
  callMethod: CallMethodCode;
  /** "" when no extension took part (unanswered predictive/IVR calls). */
  extension: string;
  /** crmid/userid; "0" when no agent took part. */
  agentId: string;
  /** Calling number (`disnumber`/`displaynumber`). */
  disnumber: string;
  /** Called number (`destnumber`/`callnumber`). */
  destnumber: string;
  /** The customer's number, whichever side they were on. */
  customerNumber: string;
  startMs: number;
  /** Set for answered calls; also (rarely) for a cancelled call whose answer time equals its end time, billsec 0. */
  answerMs: number | null;
  endMs: number;
  /** Vendor `duration` ("waiting time"): seconds from start to end. */
  durationSec: number;
  /** Vendor `billsec`: talk time. > 0 exactly when `answered`. */
  billSec: number;
  answered: boolean;
  hangupCause: number;
  /** 10040 caller, 10041 callee, rarely 10015 (request timeout) as in the classic sample. */
  hangupDirection: number;
  /** "" when no recording (unanswered calls). Layout `yyyymmdd/<ext>_<uuid>.wav`. */
  recordFilename: string;
  /** host:port of the recording server; "" without a recording. */
  downloadIp: string;
  companyCode: string;
  memberId: string;
  customUuid: string;
  chengshudu: string;
  userKey: UserKey;
  taskId: string;
  round: number;
  clientIp: string;
  /** A side of a double call (callmethod 4); null elsewhere. */
  aSide: ASide | null;
  callbackEdition: CallbackEdition;
};

export type UniverseOptions = {
  extensions?: readonly string[];
  /** Agent ids, parallel to `extensions`. */
  agents?: readonly string[];
  /** host:port put in `downloadip` of recorded calls. */
  downloadIp?: string;
  companyCode?: string;
  displayNumbers?: readonly string[];
  /** Zone of the vendor's clock; used for the date folder of recording names. */
  vendorTz?: string;
};

export const DEFAULT_EXTENSIONS = ["8001", "8002", "8003", "8004", "8005", "8006", "8007", "8008"] as const;
export const DEFAULT_AGENTS = ["1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008"] as const;
export const DEFAULT_DISPLAY_NUMBERS = ["02566823420", "02566823421", "057188120031"] as const;
export const PREDICTIVE_DISPLAY_NUMBER = "219513923001";
export const DEFAULT_COMPANY_CODE = "20000013";
export const DEFAULT_DOWNLOAD_IP = "127.0.0.1:4010";
export const SIP_ID_BASE = 263_056_000;
export const CDRS_ID_BASE = 123_000;

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

export function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  const last = table[table.length - 1];
  if (!last) throw new Error("weighted pick from an empty table");
  return last[0];
}

function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

function hex(rng: Rng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 16).toString(16);
  return s;
}

/** A time-based (v1-looking) uuid like the vendor's `cda5c6c4-0a17-11e8-b177-e7cbf2bd1f36`. */
export function makeUuid(rng: Rng): string {
  return `${hex(rng, 8)}-${hex(rng, 4)}-11${hex(rng, 2)}-${pick(rng, ["8", "9", "a", "b"])}${hex(rng, 3)}-${hex(rng, 12)}`;
}

const MOBILE_PREFIXES = ["138", "139", "137", "136", "135", "150", "151", "152", "158", "159", "186", "187", "188", "189", "177", "133", "180", "199"];

export function makeMobile(rng: Rng): string {
  return pick(rng, MOBILE_PREFIXES) + String(intBetween(rng, 0, 99_999_999)).padStart(8, "0");
}

function makeCustomerNumber(rng: Rng): string {
  // Mostly mobiles; some Nanjing/Hangzhou landlines.
  return rng() < 0.9 ? makeMobile(rng) : pick(rng, ["025", "0571"]) + String(intBetween(rng, 0, 99_999_999)).padStart(8, "0");
}

/** Talk time: log-normal around a 90 s median, at least 1 s, capped at 30 min. */
function talkSec(rng: Rng): number {
  return Math.min(1800, Math.max(1, Math.round(90 * Math.exp(1.05 * normal(rng)))));
}

const UNANSWERED_CAUSES = [
  [10016, 38], // no answer
  [10006, 15], // busy
  [10002, 15], // call cancelled
  [10020, 10], // other
  [10015, 6], // request timeout
  [10003, 5], // rejected
  [10009, 3], // destination unreachable
  [10004, 2], // outbound trunk failed
  [10017, 2], // call invalid
  [10028, 1], // call blocked
  [10008, 1], // extension not registered
  [10031, 1], // unknown
] as const;

const ANSWERED_CAUSES = [
  [HANGUP_NORMAL, 95],
  [10007, 3], // hung up by the server
  [10020, 2],
] as const;

const CALLOUT_METHODS = [
  [3, 45],
  [2, 20],
  [4, 10],
  [5, 12],
  [6, 8],
  [1, 5],
] as const;

const ANSWER_RATE: Record<CallMethodCode, number> = { 1: 0.8, 2: 0.6, 3: 0.62, 4: 0.65, 5: 0.6, 6: 0.6 };

/** Ring seconds of an unanswered call, by what ended it. */
function unansweredRingSec(rng: Rng, cause: number): number {
  if (cause === 10016) return intBetween(rng, 30, 40);
  if (cause === 10015) return intBetween(rng, 35, 40);
  if (cause === 10006 || cause === 10003 || cause === 10009 || cause === 10004) return intBetween(rng, 3, 8);
  return intBetween(rng, 3, 25);
}

/**
 * One call starting at `atMs` (floored to the second). `seq` numbers the call: its ids are SIP_ID_BASE + seq and
 * CDRS_ID_BASE + seq (generateCalls renumbers in end-time order, as the vendor inserts a record when a call ends).
 */
export function makeCall(rng: Rng, atMs: number, seq: number, options: UniverseOptions = {}): SimCall {
  const extensions = options.extensions ?? DEFAULT_EXTENSIONS;
  const agents = options.agents ?? DEFAULT_AGENTS;
  const displayNumbers = options.displayNumbers ?? DEFAULT_DISPLAY_NUMBERS;
  const vendorTz = options.vendorTz ?? "Asia/Shanghai";
  const startMs = Math.floor(atMs / 1000) * 1000;

  const direction: CallDirection = rng() < 0.8 ? "callout" : "callin";
  const callMethod: CallMethodCode = direction === "callout" ? weighted(rng, CALLOUT_METHODS) : rng() < 0.8 ? 6 : 3;
  const extIndex = Math.floor(rng() * extensions.length);
  const ownExtension = extensions[extIndex] ?? "8001";
  const ownAgent = agents[extIndex] ?? String(1001 + extIndex);
  const customerNumber = makeCustomerNumber(rng);
  const isPredictive = direction === "callout" && (callMethod === 5 || callMethod === 6);
  const displayNumber = isPredictive ? PREDICTIVE_DISPLAY_NUMBER : pick(rng, displayNumbers);
  const answered = rng() < (direction === "callin" ? 0.85 : ANSWER_RATE[callMethod]);

  let answerMs: number | null = null;
  let endMs: number;
  let hangupCause: number;
  let aSide: ASide | null = null;

  if (callMethod === 4) {
    // Double call: the agent's phone (A) rings first; the customer (B) is dialled once A answers.
    const aRingSec = intBetween(rng, 3, 15);
    const aAnswered = answered || rng() < 0.85;
    if (answered) {
      answerMs = startMs + (aRingSec + intBetween(rng, 3, 25)) * 1000;
      endMs = answerMs + talkSec(rng) * 1000;
      hangupCause = weighted(rng, ANSWERED_CAUSES);
    } else {
      hangupCause = aAnswered ? weighted(rng, UNANSWERED_CAUSES) : 10016;
      endMs = startMs + (aRingSec + (aAnswered ? unansweredRingSec(rng, hangupCause) : 20)) * 1000;
    }
    const aAnswerMs = aAnswered ? startMs + aRingSec * 1000 : null;
    aSide = {
      number: makeMobile(rng),
      startMs,
      answerMs: aAnswerMs,
      endMs,
      durationSec: (endMs - startMs) / 1000,
      billSec: aAnswerMs === null ? 0 : (endMs - aAnswerMs) / 1000,
    };
  } else if (answered) {
    answerMs = startMs + intBetween(rng, 3, 25) * 1000;
    endMs = answerMs + talkSec(rng) * 1000;
    hangupCause = weighted(rng, ANSWERED_CAUSES);
  } else {
    hangupCause = weighted(rng, UNANSWERED_CAUSES);
    endMs = startMs + unansweredRingSec(rng, hangupCause) * 1000;
    // The 2018 pushes show a cancelled call whose answer time equals its end time, with billsec 0.
    if (hangupCause === 10002 && rng() < 0.03) answerMs = endMs;
  }

  let hangupDirection: number;
  if (hangupCause === 10002) hangupDirection = HANGUP_CALLER;
  else if (hangupCause === 10016 || hangupCause === 10006 || hangupCause === 10003) hangupDirection = HANGUP_CALLEE;
  else if (hangupCause === 10015) hangupDirection = rng() < 0.5 ? HANGUP_TIMEOUT : HANGUP_CALLEE;
  else hangupDirection = rng() < 0.55 ? HANGUP_CALLEE : HANGUP_CALLER;

  // Predictive/IVR calls reach an agent only once the customer picks up.
  const agentInvolved = !isPredictive || answered;
  const extension = agentInvolved ? ownExtension : "";
  const agentId = agentInvolved ? ownAgent : "0";

  let disnumber: string;
  let destnumber: string;
  if (callMethod === 1) {
    disnumber = ownExtension;
    destnumber = pick(rng, extensions.filter((e) => e !== ownExtension).concat(extensions.length > 1 ? [] : ["8999"]));
  } else if (direction === "callin") {
    disnumber = customerNumber;
    destnumber = displayNumber;
  } else {
    disnumber = displayNumber;
    destnumber = customerNumber;
  }

  const uuid = makeUuid(rng);
  const buuid = makeUuid(rng);
  const recorded = answered;
  const recordFilename = recorded ? `${formatZonedTime(startMs, vendorTz).slice(0, 10).replaceAll("-", "")}/${extension || "000000"}_${uuid}.wav` : "";
  const customSet = callMethod === 3 || callMethod === 4 || isPredictive;
  const memberId = customSet && rng() < 0.5 ? String(18_533_700_000_000_000 + intBetween(rng, 0, 99_999_999)) : "0";
  const customUuid = isPredictive ? String(110_000_000 + intBetween(rng, 0, 9_999_999)) : customSet && rng() < 0.4 ? hex(rng, 32) : "0";
  const chengshudu = customSet && rng() < 0.3 ? String(intBetween(rng, 1, 5)) : "0";
  const userKey = weighted<UserKey>(rng, [
    ["", 70],
    [1, 20],
    ["#", 10],
  ]);
  const callbackEdition: CallbackEdition =
    direction === "callout" && callMethod === 5 ? "predictive" : isPredictive ? (rng() < 0.7 ? "predictive" : "2025") : rng() < 0.5 ? "classic" : "2025";
  const clientIp = callMethod === 2 || callMethod === 1 ? `192.168.1.${intBetween(rng, 20, 80)}` : callMethod === 3 || callMethod === 4 ? "10.0.0.5" : "";

  return {
    id: SIP_ID_BASE + seq,
    cdrsId: CDRS_ID_BASE + seq,
    uuid,
    buuid,
    direction,
    callMethod,
    extension,
    agentId,
    disnumber,
    destnumber,
    customerNumber,
    startMs,
    answerMs,
    endMs,
    durationSec: (endMs - startMs) / 1000,
    billSec: answered && answerMs !== null ? (endMs - answerMs) / 1000 : 0,
    answered,
    hangupCause,
    hangupDirection,
    recordFilename,
    downloadIp: recorded ? (options.downloadIp ?? DEFAULT_DOWNLOAD_IP) : "",
    companyCode: options.companyCode ?? DEFAULT_COMPANY_CODE,
    memberId,
    customUuid,
    chengshudu,
    userKey,
    taskId: isPredictive ? String(3000 + intBetween(rng, 0, 40)) : "",
    round: isPredictive ? intBetween(rng, 1, 3) : 0,
    clientIp,
    aSide,
    callbackEdition,
  };
}

/** Relative call volume by Beijing hour: office hours busy, nights nearly silent. */
const HOUR_WEIGHT = [0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.2, 0.6, 1, 1, 0.9, 0.5, 0.7, 1, 1, 0.95, 0.8, 0.4, 0.2, 0.15, 0.1, 0.05, 0.03];

const weightCache = new Map<string, number>();

/** Constant within a quarter hour (every zone offset is a multiple of 15 min), so cached per quarter. */
function activityWeight(ms: number, vendorTz: string): number {
  const key = `${vendorTz}|${Math.floor(ms / 900_000)}`;
  let weight = weightCache.get(key);
  if (weight === undefined) {
    if (weightCache.size > 100_000) weightCache.clear();
    weight = computeActivityWeight(ms, vendorTz);
    weightCache.set(key, weight);
  }
  return weight;
}

function computeActivityWeight(ms: number, vendorTz: string): number {
  const text = formatZonedTime(ms, vendorTz); // yyyy-mm-dd hh:mm:ss
  const hour = Number(text.slice(11, 13));
  const day = new Date(`${text.slice(0, 10)}T00:00:00Z`).getUTCDay();
  const weekend = day === 0 || day === 6 ? 0.3 : 1;
  return (HOUR_WEIGHT[hour] ?? 0.1) * weekend;
}

export type GenerateCallsOptions = UniverseOptions & { seed: number; count: number; fromMs: number; toMs: number };

/**
 * `count` calls starting in [fromMs, toMs), weighted to office hours in the vendor's zone. Deterministic for a seed.
 * Ids increase with end time (the vendor inserts a record when the call ends); the result is ordered by id.
 */
export function generateCalls(options: GenerateCallsOptions): SimCall[] {
  const { seed, count, fromMs, toMs } = options;
  if (!(toMs > fromMs)) throw new Error("generateCalls: toMs must be after fromMs");
  const vendorTz = options.vendorTz ?? "Asia/Shanghai";
  const rng = mulberry32(seed);
  const starts: number[] = [];
  while (starts.length < count) {
    const t = fromMs + rng() * (toMs - fromMs);
    if (rng() < activityWeight(t, vendorTz)) starts.push(t);
  }
  starts.sort((a, b) => a - b);
  const calls = starts.map((t, i) => makeCall(rng, t, i, options));
  calls.sort((a, b) => a.endMs - b.endMs || a.startMs - b.startMs);
  // Other tenants share the id space, so ours have gaps.
  let id = SIP_ID_BASE;
  let cdrsId = CDRS_ID_BASE;
  for (const call of calls) {
    id += 1 + (rng() < 0.3 ? intBetween(rng, 1, 5) : 0);
    cdrsId += 1 + (rng() < 0.2 ? intBetween(rng, 1, 3) : 0);
    call.id = id;
    call.cdrsId = cdrsId;
  }
  return calls;
}

/** The same call moved in time by `deltaMs` (whole seconds). */
export function shiftCall(call: SimCall, deltaMs: number): SimCall {
  const d = Math.round(deltaMs / 1000) * 1000;
  return {
    ...call,
    startMs: call.startMs + d,
    answerMs: call.answerMs === null ? null : call.answerMs + d,
    endMs: call.endMs + d,
    aSide: call.aSide && {
      ...call.aSide,
      startMs: call.aSide.startMs + d,
      answerMs: call.aSide.answerMs === null ? null : call.aSide.answerMs + d,
      endMs: call.aSide.endMs + d,
    },
  };
}
