import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { formatZonedTime } from "../lib/time";
import { generateCalls } from "./call-universe";
import { type PullServer, makeWav, recordingFor, startPullServer } from "./pull-server";

const NOW = Date.UTC(2026, 10, 28);
const TZ = "Asia/Shanghai";
const FROM = formatZonedTime(NOW - 8 * 86_400_000, TZ);
const TO = formatZonedTime(NOW, TZ);
const CDRS = { appid: "app-1", accesskey: "key-1", username: "acme" };

type Bill = { id: number; callmethod: number; starttime: string; recordfilename: string; downloadip: string };
type GetBillReply = {
  ret: number;
  msg: string;
  data: {
    status: number;
    desc: string;
    result: { totalitems: number; currentpage: number; itemsperpage: number; bills: Bill[] };
    reqtime: number;
    rsptime: number;
  };
};

async function post(url: string, fields: Record<string, string | number>, encoding: "form" | "urlencoded" | "json" = "form"): Promise<Response> {
  if (encoding === "json") return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(fields) });
  const entries = Object.entries(fields).map(([k, v]) => [k, String(v)] as [string, string]);
  if (encoding === "urlencoded") return fetch(url, { method: "POST", body: new URLSearchParams(entries) });
  const form = new FormData();
  for (const [k, v] of entries) form.set(k, v);
  return fetch(url, { method: "POST", body: form });
}

function getBill(server: PullServer, fields: Record<string, string | number>, token = "tok"): Promise<GetBillReply> {
  return post(server.url, { service: "App.Sip_Cdr.GetBill", token, starttime: FROM, endtime: TO, ...fields }).then((r) => r.json() as Promise<GetBillReply>);
}

describe("startPullServer", () => {
  const calls = generateCalls({ seed: 3, count: 2500, fromMs: NOW - 7 * 86_400_000, toMs: NOW - 3_600_000 });
  const newServer = (extra: Partial<Parameters<typeof startPullServer>[0]> = {}) =>
    startPullServer({ calls, vendorTz: TZ, getbillToken: "tok", cdrs: CDRS, now: () => NOW, ...extra });
  let server: PullServer;
  beforeAll(async () => {
    server = await newServer();
  });
  afterAll(() => server.close());

  describe("GetBill", () => {
    it("pages through all 2,500 calls once with syncflag=3, callmethod=0, ordered by id", async () => {
      const ids: number[] = [];
      for (let page = 1; page <= 3; page++) {
        const reply = await getBill(server, { syncflag: 3, callmethod: 0, direction: 3, currentpage: page, itemsperpage: 1000 });
        expect(reply.ret).toBe(200);
        expect(reply.msg).toBe("");
        expect(reply.data).toMatchObject({ status: 0, desc: "get success", result: { totalitems: 2500, currentpage: page, itemsperpage: 1000 } });
        expect(typeof reply.data.reqtime).toBe("number");
        ids.push(...reply.data.result.bills.map((b) => b.id));
      }
      expect(ids).toHaveLength(2500);
      expect(ids).toEqual([...calls.map((c) => c.id)].sort((a, b) => a - b));
    });

    it("hides every non-API call under the default callmethod (3), and defaults to 10 a page", async () => {
      const reply = await getBill(server, { syncflag: 3 });
      const apiCalls = calls.filter((c) => c.callMethod === 3).length;
      expect(apiCalls).toBeLessThan(2500);
      expect(reply.data.result.totalitems).toBe(apiCalls);
      expect(reply.data.result.itemsperpage).toBe(10);
      expect(reply.data.result.bills.every((b) => b.callmethod === 3)).toBe(true);
    });

    it("filters on start time, inclusive at both ends, in the vendor's zone", async () => {
      const call = calls[100];
      if (!call) throw new Error("no call");
      const at = formatZonedTime(call.startMs, TZ);
      const reply = await getBill(server, { syncflag: 3, callmethod: 0, starttime: at, endtime: at, itemsperpage: 1000 });
      expect(reply.data.result.bills.map((b) => b.id)).toContain(call.id);
      expect(reply.data.result.bills.every((b) => b.starttime === at)).toBe(true);
    });

    it("applies direction, extension, destination and custom-data filters", async () => {
      const inbound = await getBill(server, { syncflag: 3, callmethod: 0, direction: 1, itemsperpage: 1000 });
      expect(inbound.data.result.totalitems).toBe(calls.filter((c) => c.direction === "callin").length);
      const two = await getBill(server, { syncflag: 3, callmethod: 0, extnumber: "8001,8002", itemsperpage: 1000 });
      expect(two.data.result.totalitems).toBe(calls.filter((c) => c.extension === "8001" || c.extension === "8002").length);
      const member = calls.find((c) => c.memberId !== "0");
      if (!member) throw new Error("no member");
      const byMember = await getBill(server, { syncflag: 3, callmethod: 0, memberid: member.memberId, destnumber: member.destnumber, userid: member.agentId });
      expect(byMember.data.result.bills.map((b) => b.id)).toEqual([member.id]);
    });

    it("accepts urlencoded bodies and points downloadip at itself", async () => {
      const reply = (await (
        await post(
          server.url,
          { service: "App.Sip_Cdr.GetBill", token: "tok", starttime: FROM, endtime: TO, syncflag: 3, callmethod: 0, itemsperpage: 50 },
          "urlencoded",
        )
      ).json()) as GetBillReply;
      const recorded = reply.data.result.bills.find((b) => b.recordfilename);
      expect(recorded?.downloadip).toBe(`127.0.0.1:${server.port}`);
    });

    it("syncflag=1 hands each record out once (re-reading page 1), then syncflag=2 returns them", async () => {
      const s = await newServer();
      try {
        const seen: number[] = [];
        let first: GetBillReply | null = null;
        for (;;) {
          const reply = await getBill(s, { syncflag: 1, callmethod: 0, currentpage: 1, itemsperpage: 1000 });
          first ??= reply;
          if (reply.data.result.bills.length === 0) break;
          seen.push(...reply.data.result.bills.map((b) => b.id));
        }
        expect(first?.data.result.totalitems).toBe(2500);
        expect(new Set(seen).size).toBe(2500);
        expect(seen).toHaveLength(2500);
        expect((await getBill(s, { syncflag: 1, callmethod: 0 })).data.result.totalitems).toBe(0);
        expect((await getBill(s, { syncflag: 2, callmethod: 0 })).data.result.totalitems).toBe(2500);
      } finally {
        await s.close();
      }
    });

    it("syncflag=1 with an advancing currentpage skips records, as the real vendor's marking does", async () => {
      const s = await newServer();
      try {
        const seen: number[] = [];
        for (let page = 1; page <= 3; page++)
          seen.push(...(await getBill(s, { syncflag: 1, callmethod: 0, currentpage: page, itemsperpage: 1000 })).data.result.bills.map((b) => b.id));
        expect(seen.length).toBeLessThan(2500);
        expect((await getBill(s, { syncflag: 1, callmethod: 0 })).data.result.totalitems).toBe(2500 - seen.length);
      } finally {
        await s.close();
      }
    });

    it("answers ret 600 to a wrong token and ret 400 to a bad itemsperpage", async () => {
      const wrong = await getBill(server, { syncflag: 3 }, "nope");
      expect(wrong.ret).toBe(600);
      expect(wrong.msg).toBe("token invalid");
      expect((await getBill(server, { itemsperpage: 1001 })).ret).toBe(400);
      expect((await getBill(server, { itemsperpage: 0 })).ret).toBe(400);
      expect((await getBill(server, { starttime: "yesterday" })).ret).toBe(400);
    });

    it("only shows calls that have ended by the vendor's clock", async () => {
      const live = await startPullServer({ calls, getbillToken: "tok", cdrs: CDRS, now: () => NOW - 3 * 86_400_000 });
      try {
        const reply = await getBill(live, { syncflag: 3, callmethod: 0 });
        expect(reply.data.result.totalitems).toBe(calls.filter((c) => c.endMs <= NOW - 3 * 86_400_000).length);
      } finally {
        await live.close();
      }
    });
  });

  describe("Login, GetRecodeFile, GetSipCallStatus", () => {
    it("logs in with appid/accesskey; the token works until it is used up", async () => {
      const s = await newServer({ getbillToken: undefined, login: { appid: "a", accesskey: "k", tokenMaxUses: 2 } });
      try {
        const bad = (await (await post(s.url, { service: "App.Sip_Auth.Login", appid: "a", accesskey: "x" })).json()) as { ret: number; msg: string };
        expect(bad.ret).toBe(601);
        expect(bad.msg).not.toBe("");
        const ok = (await (await post(s.url, { service: "App.Sip_Auth.Login", appid: "a", accesskey: "k" })).json()) as {
          ret: number;
          data: { status: number; result: { companycode: string; companyname: string; token: string; authtime: string; authmodel: string; ipwhite: string } };
        };
        expect(ok.ret).toBe(200);
        expect(Object.keys(ok.data.result).sort()).toEqual(["authmodel", "authtime", "companycode", "companyname", "ipwhite", "token"]);
        const token = ok.data.result.token;
        expect((await getBill(s, { syncflag: 3 }, token)).ret).toBe(200);
        expect((await getBill(s, { syncflag: 3 }, token)).ret).toBe(200);
        expect((await getBill(s, { syncflag: 3 }, token)).ret).toBe(600);
        expect((await getBill(s, { syncflag: 3 }, "sim-token")).ret).toBe(600);
      } finally {
        await s.close();
      }
    });

    it("expires login tokens after their lifetime", async () => {
      let clock = NOW;
      const s = await newServer({ getbillToken: undefined, login: { appid: "a", accesskey: "k", tokenTtlMs: 60_000 }, now: () => clock });
      try {
        const ok = (await (await post(s.url, { service: "App.Sip_Auth.Login", appid: "a", accesskey: "k" })).json()) as { data: { result: { token: string } } };
        expect((await getBill(s, {}, ok.data.result.token)).ret).toBe(200);
        clock += 61_000;
        expect((await getBill(s, {}, ok.data.result.token)).ret).toBe(600);
      } finally {
        await s.close();
      }
    });

    it("resolves a recording to a download URL that serves it", async () => {
      const call = calls.find((c) => c.recordFilename);
      if (!call) throw new Error("no recording");
      const reply = (await (await post(server.url, { service: "App.Sip_Cdr.GetRecodeFile", token: "tok", filename: call.recordFilename })).json()) as {
        ret: number;
        data: { result: { downurl: string; expiredtime: string } };
      };
      expect(reply.ret).toBe(200);
      expect(reply.data.result.expiredtime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      const wav = await fetch(reply.data.result.downurl);
      expect(wav.status).toBe(200);
      expect(Buffer.from(await wav.arrayBuffer())).toEqual(recordingFor(call.recordFilename));
    });

    it("reports extension statuses, settable by tests", async () => {
      const idle = (await (await post(server.url, { service: "App.Sip_Status.GetSipCallStatus", token: "tok" })).json()) as {
        ret: number;
        data: { result: { extnumber: string; status: number }[] };
      };
      expect(idle.ret).toBe(200);
      expect(idle.data.result.map((r) => r.extnumber)).toEqual(["8001", "8002", "8003", "8004", "8005", "8006", "8007", "8008"]);
      expect(idle.data.result.every((r) => r.status === 1201)).toBe(true);
      const row = {
        extnumber: "8001",
        status: 1204,
        caller: "8001",
        callee: "13812345678",
        disnumber: "02566823420",
        direction: "callout",
        channel: "x",
        idleduration: 0,
        callduration: 42,
      };
      server.setSipStatuses([row]);
      const set = (await (await post(server.url, { service: "App.Sip_Status.GetSipCallStatus", token: "tok" })).json()) as { data: { result: unknown[] } };
      expect(set.data.result).toEqual([row]);
      server.setSipStatuses(null);
    });

    it("answers ret 400 to an unknown service", async () => {
      const reply = (await (await post(`${server.url}/anything`, { service: "App.Nope" })).json()) as { ret: number };
      expect(reply.ret).toBe(400);
    });
  });

  describe("/api/cdrs", () => {
    type CdrsReply = {
      code: number;
      msg: string;
      data: { data: { id: number; callmethod: string; context: string }[]; page: number; per_page: number; total: number };
    };
    const cdrs = (fields: Record<string, string | number>, encoding: "form" | "urlencoded" | "json" = "form") =>
      post(`${server.url}/api/cdrs`, { ...CDRS, starttime: FROM, endtime: TO, ...fields }, encoding).then((r) => r.json() as Promise<CdrsReply>);

    it("pages every call by its own id, in any body encoding", async () => {
      const ids: number[] = [];
      for (let page = 1; page <= 3; page++) {
        const reply = await cdrs({ page, per_page: 1000 }, page === 2 ? "json" : page === 3 ? "urlencoded" : "form");
        expect(reply).toMatchObject({ code: 1, msg: "successful request", data: { page, per_page: 1000, total: 2500 } });
        ids.push(...reply.data.data.map((r) => r.id));
      }
      expect(ids).toEqual(calls.map((c) => c.cdrsId).sort((a, b) => a - b));
    });

    it("filters by callmethod and context", async () => {
      const reply = await cdrs({ callmethod: "4", context: "callout", per_page: 1000 });
      expect(reply.data.total).toBe(calls.filter((c) => c.callMethod === 4).length);
      expect(reply.data.data.every((r) => r.callmethod === "4" && r.context === "callout")).toBe(true);
    });

    it("answers 1005 to a wrong accesskey or username and 1001 to missing parameters", async () => {
      expect((await cdrs({ accesskey: "wrong" })).code).toBe(1005);
      expect((await cdrs({ username: "someone" })).code).toBe(1005);
      expect(
        (await post(`${server.url}/api/cdrs`, { appid: "app-1", accesskey: "key-1", username: "acme" }).then((r) => r.json() as Promise<CdrsReply>)).code,
      ).toBe(1001);
      expect(
        (await post(`${server.url}/api/cdrs`, { ...CDRS, username: "", starttime: FROM, endtime: TO }).then((r) => r.json() as Promise<CdrsReply>)).code,
      ).toBe(1001);
    });

    it("clamps per_page to 1000", async () => {
      expect((await cdrs({ per_page: 5000 })).data.per_page).toBe(1000);
    });
  });

  describe("recordings", () => {
    const recorded = calls.find((c) => c.recordFilename);
    const path = () => `${server.url}/recordings/${recorded?.recordFilename}`;

    it("serves a valid WAV", async () => {
      const res = await fetch(path());
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("audio/wav");
      expect(res.headers.get("accept-ranges")).toBe("bytes");
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 4).toString("ascii")).toBe("RIFF");
      expect(bytes.subarray(8, 12).toString("ascii")).toBe("WAVE");
      expect(bytes.readUInt32LE(40)).toBe(bytes.length - 44);
    });

    it("answers a Range request with 206 and exactly those bytes", async () => {
      const full = recordingFor(recorded?.recordFilename ?? "");
      const res = await fetch(path(), { headers: { range: "bytes=100-199" } });
      expect(res.status).toBe(206);
      expect(res.headers.get("content-range")).toBe(`bytes 100-199/${full.length}`);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(full.subarray(100, 200));
      const suffix = await fetch(path(), { headers: { range: "bytes=-10" } });
      expect(Buffer.from(await suffix.arrayBuffer())).toEqual(full.subarray(full.length - 10));
      expect((await fetch(path(), { headers: { range: `bytes=${full.length}-` } })).status).toBe(416);
    });

    it("answers 404 to an unknown file", async () => {
      expect((await fetch(`${server.url}/recordings/20260101/8001_nope.wav`)).status).toBe(404);
    });

    it("makes a WAV of the requested length", () => {
      expect(makeWav(1, 440, 8000).length).toBe(44 + 16000);
    });
  });

  describe("faults", () => {
    it("gateway: 502 with an HTML body", async () => {
      server.setFaults({ getbill: { kind: "gateway", times: 1 } });
      const res = await post(server.url, { service: "App.Sip_Cdr.GetBill", token: "tok", starttime: FROM, endtime: TO });
      expect(res.status).toBe(502);
      expect(await res.text()).toContain("<html>");
      expect((await getBill(server, {})).ret).toBe(200);
      expect(server.stats.faults["getbill:gateway"]).toBe(1);
    });

    it("truncated: 200 with half a JSON body", async () => {
      server.setFaults({ cdrs: { kind: "truncated", times: 1 } });
      const res = await post(`${server.url}/api/cdrs`, { ...CDRS, starttime: FROM, endtime: TO });
      expect(res.status).toBe(200);
      await expect(res.json()).rejects.toThrow();
    });

    it("slow: replies after the delay", async () => {
      server.setFaults({ all: { kind: "slow", delayMs: 300, times: 1 } });
      const t0 = Date.now();
      expect((await getBill(server, {})).ret).toBe(200);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    });

    it("lost-after-mark: marks the page as queried, then closes the socket", async () => {
      const s = await newServer({ faults: { getbill: { kind: "lost-after-mark", times: 1 } } });
      try {
        await expect(getBill(s, { syncflag: 1, callmethod: 0, itemsperpage: 100 })).rejects.toThrow();
        expect(s.queried.size).toBe(100);
        expect((await getBill(s, { syncflag: 2, callmethod: 0 })).data.result.totalitems).toBe(100);
        expect((await getBill(s, { syncflag: 1, callmethod: 0 })).data.result.totalitems).toBe(2400);
      } finally {
        await s.close();
      }
    });

    it("code1000 on /api/cdrs and injected ret codes on App.* services", async () => {
      server.setFaults({ cdrs: { kind: "code1000", times: 1 }, getbill: { kind: "ret", ret: 604, times: 1 }, login: { kind: "ret", ret: 602 } });
      const c = (await (await post(`${server.url}/api/cdrs`, { ...CDRS, starttime: FROM, endtime: TO })).json()) as { code: number };
      expect(c.code).toBe(1000);
      const g = await getBill(server, {});
      expect(g.ret).toBe(604);
      const l = (await (await post(server.url, { service: "App.Sip_Auth.Login", appid: "a", accesskey: "k" })).json()) as { ret: number };
      expect(l.ret).toBe(602);
      server.setFaults({});
    });

    it("hits about the configured fraction of requests", async () => {
      server.setFaults({ getbill: { kind: "gateway", rate: 0.5 } });
      let failed = 0;
      for (let i = 0; i < 40; i++)
        if ((await post(server.url, { service: "App.Sip_Cdr.GetBill", token: "tok", starttime: FROM, endtime: TO })).status === 502) failed++;
      server.setFaults({});
      expect(failed).toBeGreaterThan(8);
      expect(failed).toBeLessThan(32);
    });

    it("counts requests per service", () => {
      expect(server.stats.requests["App.Sip_Cdr.GetBill"]).toBeGreaterThan(10);
      expect(server.stats.requests.cdrs).toBeGreaterThan(3);
      expect(server.stats.requests.recordings).toBeGreaterThan(2);
    });
  });
});
