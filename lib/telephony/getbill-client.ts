import { z } from "zod";
import type { VendorAccount } from "@/lib/calls";
import { formatZonedTime, parseZonedTime } from "@/lib/time";
import { retError, VendorApiError } from "./api-errors";
import { looseInt } from "./fields";
import { getBillReplySchema } from "./getbill";
import { postVendorForm, type HttpOptions } from "./http";

/** Where the GetBill token comes from: a fixed one (GETBILL_TOKEN), or a login with appid/accesskey. */
export type GetBillAuth = { kind: "token"; token: string } | { kind: "login"; appid: string; accesskey: string; store: TokenStore };

/** Keeps the login token where every app process finds it (the database), so they do not each log in. */
export type TokenStore = {
  get(): string | null;
  set(token: string, login: LoginInfo): void;
  clear(token: string): void;
};

/** `authtime` becomes authExpiresAtMs, `ipwhite` ipAllowList. */
export type LoginInfo = VendorAccount & { token: string };

export type GetBillPage = { totalItems: number; page: number; perPage: number; bills: unknown[] };

export type SipCallStatus = {
  extension: string;
  status: number;
  caller: string | null;
  callee: string | null;
  displayNumber: string | null;
  direction: string | null;
  idleSec: number | null;
  callSec: number | null;
};

export type GetBillClient = ReturnType<typeof createGetBillClient>;

/**
 * The vendor's `App.*` services (getbill-pull-api.md and the README's notes): GetBill, Login, GetRecodeFile,
 * GetSipCallStatus. With login auth, a `ret` 600 (token invalid) logs in again and retries the request once.
 */
export function createGetBillClient(config: { url: string; auth: GetBillAuth; vendorTz: string; http?: HttpOptions }) {
  const { url, auth, vendorTz } = config;
  let logins = 0;

  async function login(): Promise<LoginInfo> {
    if (auth.kind !== "login") throw new VendorApiError("token-invalid", "a fixed GETBILL_TOKEN cannot log in");
    logins++;
    const reply = envelope(await postVendorForm(url, { service: "App.Sip_Auth.Login", appid: auth.appid, accesskey: auth.accesskey }, config.http));
    const result = loginResultSchema.safeParse(reply.data?.result);
    if (!result.success || !result.data.token) throw new VendorApiError("bad-reply", "login reply carries no token");
    const info: LoginInfo = {
      token: result.data.token,
      companyCode: result.data.companycode ?? null,
      companyName: result.data.companyname ?? null,
      authExpiresAtMs: parseAuthTime(result.data.authtime, vendorTz),
      ipAllowList: result.data.ipwhite ?? null,
    };
    auth.store.set(info.token, info);
    return info;
  }

  async function call(service: string, params: Record<string, string | number>): Promise<Envelope> {
    const token = auth.kind === "token" ? auth.token : (auth.store.get() ?? (await login()).token);
    const first = envelope(await postVendorForm(url, { service, token, ...params }, config.http), { allowRet600: auth.kind === "login" });
    if (first.ret !== 600 || auth.kind !== "login") return first;
    auth.store.clear(token);
    const fresh = (await login()).token;
    return envelope(await postVendorForm(url, { service, token: fresh, ...params }, config.http));
  }

  return {
    login,
    /** How many times this client logged in (for tests and the run log). */
    get logins() {
      return logins;
    },

    /**
     * One page of bills started in [fromMs, toMs). Every call method and direction, no filters: the documented
     * defaults (callmethod 3, API calls only) would hide calls.
     */
    async getBillPage(q: { fromMs: number; toMs: number; page: number; perPage: number; syncflag: 1 | 2 | 3 }): Promise<GetBillPage> {
      const reply = await call("App.Sip_Cdr.GetBill", {
        starttime: formatZonedTime(q.fromMs, vendorTz),
        // The vendor's end bound is inclusive and has whole seconds: [from, to - 1 s] is [from, to).
        endtime: formatZonedTime(q.toMs - 1000, vendorTz),
        syncflag: q.syncflag,
        direction: 3,
        callmethod: 0,
        currentpage: q.page,
        itemsperpage: q.perPage,
        extnumber: "",
        destnumber: "",
        userid: "",
        memberid: "",
      });
      if (reply.data?.status != null && reply.data.status !== 0) {
        throw new VendorApiError("vendor-error", reply.data.desc ?? reply.msg ?? `status ${reply.data.status}`);
      }
      const result = getBillReplySchema.safeParse({ ret: reply.ret, data: reply.data }).data?.data?.result;
      if (!result) throw new VendorApiError("bad-reply", "GetBill reply has no readable data.result");
      return { totalItems: result.totalitems, page: result.currentpage, perPage: result.itemsperpage, bills: result.bills };
    },

    /** A download address for a recording, valid until expiresAtMs; null when the vendor has no such file. */
    async getRecordFile(filename: string): Promise<{ url: string; expiresAtMs: number | null } | null> {
      const reply = await call("App.Sip_Cdr.GetRecodeFile", { filename });
      const result = recodeFileSchema.safeParse(reply.data?.result);
      if (reply.data?.status !== 0 || !result.success || !result.data.downurl) return null;
      return { url: result.data.downurl, expiresAtMs: parseAuthTime(result.data.expiredtime, vendorTz) };
    },

    /** The live state of every extension (1201 idle, 1202 ringing, …, 1014 not registered). */
    async getSipCallStatus(): Promise<SipCallStatus[]> {
      const reply = await call("App.Sip_Status.GetSipCallStatus", {});
      const rows = sipStatusListSchema.safeParse(reply.data?.result);
      if (!rows.success) throw new VendorApiError("bad-reply", "GetSipCallStatus reply is not a list of extensions");
      return rows.data.map((r) => ({
        extension: String(r.extnumber),
        status: r.status,
        caller: r.caller || null,
        callee: r.callee || null,
        displayNumber: r.disnumber || null,
        direction: r.direction || null,
        idleSec: r.idleduration ?? null,
        callSec: r.callduration ?? null,
      }));
    },
  };
}

/** The `{ret, data: {status, desc, result, errors}, msg}` envelope every App.* service answers with. */
const envelopeSchema = z.object({
  ret: looseInt,
  msg: z.string().nullish(),
  data: z
    .object({
      status: looseInt.nullish(),
      desc: z.string().nullish(),
      result: z.unknown().optional(),
      errors: z.object({ codemsg: z.string().nullish() }).passthrough().nullish(),
    })
    .passthrough()
    .nullish(),
});
type Envelope = z.output<typeof envelopeSchema>;

/** Validates the envelope and turns a non-200 `ret` into a named error (600 passes when the caller logs in again). */
function envelope(json: unknown, options: { allowRet600?: boolean } = {}): Envelope {
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) throw new VendorApiError("bad-reply", "reply is not the documented {ret, data, msg} shape");
  const reply = parsed.data;
  if (reply.ret === 200 || (reply.ret === 600 && options.allowRet600)) return reply;
  const said = new Set([reply.msg, reply.data?.desc, reply.data?.errors?.codemsg].filter(Boolean));
  throw retError(reply.ret, [...said].join(" / "));
}

function parseAuthTime(value: string | number | null | undefined, vendorTz: string): number | null {
  if (value == null || value === "") return null;
  if (typeof value === "number" || /^\d+$/.test(value)) {
    const n = Number(value);
    return n > 1e12 ? n : n * 1000;
  }
  return parseZonedTime(value, vendorTz);
}

const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v == null ? null : String(v)));

const loginResultSchema = z.object({
  token: z.string().min(1),
  companycode: text,
  companyname: text,
  authtime: z.union([z.string(), z.number()]).nullish(),
  authmodel: text,
  ipwhite: text,
});

const recodeFileSchema = z.object({ downurl: z.string().nullish(), expiredtime: z.union([z.string(), z.number()]).nullish() });

const sipStatusListSchema = z.array(
  z.object({
    extnumber: z.union([z.string(), z.number()]),
    status: looseInt,
    caller: z.string().nullish(),
    callee: z.string().nullish(),
    disnumber: z.string().nullish(),
    direction: z.string().nullish(),
    idleduration: looseInt.nullish(),
    callduration: looseInt.nullish(),
  }),
);
