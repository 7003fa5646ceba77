import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import type { Env } from "@/lib/env";
import { createCdrsClient } from "@/lib/telephony/cdrs-client";
import { normalizeCdrsRecord } from "@/lib/telephony/cdrs";
import { createGetBillClient, type GetBillClient } from "@/lib/telephony/getbill-client";
import { normalizeGetBillBill } from "@/lib/telephony/getbill";
import type { HttpOptions } from "@/lib/telephony/http";
import { acquireLease, leaseHolder, releaseLease } from "@/db/lease";
import { getCheckpoint, runSync, type PullSource, type SyncProgress, type SyncRunResult } from "./run-sync";
import type { SyncSource, SyncTrigger } from "@/lib/calls";
import { databaseTokenStore } from "./token-store";

const SYNC_LEASE = "sync";
const LEASE_TTL_MS = 10 * 60_000;
/** GetBill allows up to 1,000 bills a page. /api/cdrs documents no maximum; 500 stays well inside what it serves. */
const GETBILL_PER_PAGE = 1000;
const CDRS_PER_PAGE = 500;

type ConfiguredSources = { sources: PullSource[]; notConfigured: { name: SyncSource; missing: string[] }[]; getbill: GetBillClient | null };

/** The pull sources whose settings are present; the others are reported with what they lack. */
export function configuredSources(db: Db, env: Env, http: HttpOptions = {}): ConfiguredSources {
  const sources: PullSource[] = [];
  const notConfigured: ConfiguredSources["notConfigured"] = [];
  let getbill: GetBillClient | null = null;

  const getbillMissing = [
    !env.GETBILL_URL && "GETBILL_URL",
    !env.GETBILL_TOKEN && !(env.GETBILL_APPID && env.GETBILL_ACCESSKEY) && "GETBILL_TOKEN or GETBILL_APPID + GETBILL_ACCESSKEY",
  ].filter((m): m is string => Boolean(m));
  if (getbillMissing.length === 0) {
    getbill = createGetBillClient({
      url: env.GETBILL_URL!,
      vendorTz: env.VENDOR_TZ,
      http,
      auth:
        env.GETBILL_APPID && env.GETBILL_ACCESSKEY
          ? { kind: "login", appid: env.GETBILL_APPID, accesskey: env.GETBILL_ACCESSKEY, store: databaseTokenStore(db) }
          : { kind: "token", token: env.GETBILL_TOKEN! },
    });
    const client = getbill;
    sources.push({
      name: "getbill",
      perPage: GETBILL_PER_PAGE,
      fetchPage: async (q) => {
        const page = await client.getBillPage({ ...q, syncflag: 3 });
        return { total: page.totalItems, records: page.bills };
      },
      normalize: (raw) => normalizeGetBillBill(raw, env.VENDOR_TZ),
    });
  } else notConfigured.push({ name: "getbill", missing: getbillMissing });

  const cdrsMissing = [
    !env.CDRS_URL && "CDRS_URL",
    !env.CDRS_APPID && "CDRS_APPID",
    !env.CDRS_ACCESSKEY && "CDRS_ACCESSKEY",
    !env.CDRS_USERNAME && !env.CDRS_IP && "CDRS_USERNAME or CDRS_IP",
  ].filter((m): m is string => Boolean(m));
  if (cdrsMissing.length === 0) {
    const client = createCdrsClient({
      url: env.CDRS_URL!,
      appid: env.CDRS_APPID!,
      accesskey: env.CDRS_ACCESSKEY!,
      username: env.CDRS_USERNAME,
      ip: env.CDRS_IP,
      vendorTz: env.VENDOR_TZ,
      http,
    });
    sources.push({
      name: "cdrs",
      perPage: CDRS_PER_PAGE,
      fetchPage: async (q) => {
        const page = await client.getPage(q);
        return { total: page.total, records: page.records };
      },
      normalize: (raw) => normalizeCdrsRecord(raw, env.VENDOR_TZ),
    });
  } else notConfigured.push({ name: "cdrs", missing: cdrsMissing });

  return { sources, notConfigured, getbill };
}

export type SyncRequest = {
  source?: SyncSource | "all";
  /** Default: the source's checkpoint (or the lookback when there is none). */
  fromMs?: number;
  /** Default: now. */
  toMs?: number;
  /** Re-read at least this far back even when the checkpoint is later (late bills). */
  lookbackMs?: number;
  trigger: SyncTrigger;
  onProgress?: (p: SyncProgress) => void;
  http?: HttpOptions;
  windowMs?: number;
};

export type SyncOutcome =
  { status: "done"; results: SyncRunResult[]; notConfigured: ConfiguredSources["notConfigured"] } | { status: "busy"; holder: string; expiresAtMs: number };

/**
 * One sync of the configured sources, one at a time across every process on the database (a lease), each source
 * over its own default range: from its checkpoint (but at least `lookbackMs` back) to now.
 */
export async function runConfiguredSync(db: Db, env: Env, request: SyncRequest): Promise<SyncOutcome> {
  const holder = `${process.pid}-${randomUUID()}`;
  if (!acquireLease(db, SYNC_LEASE, holder, LEASE_TTL_MS)) {
    const current = leaseHolder(db, SYNC_LEASE);
    return { status: "busy", holder: current?.holder ?? "unknown", expiresAtMs: current?.expiresAtMs ?? 0 };
  }
  let retries = 0;
  const renew = setInterval(() => acquireLease(db, SYNC_LEASE, holder, LEASE_TTL_MS), LEASE_TTL_MS / 3);
  renew.unref();
  try {
    const http: HttpOptions = { ...request.http, onRetry: (e, n) => (retries++, request.http?.onRetry?.(e, n)) };
    const { sources, notConfigured } = configuredSources(db, env, http);
    const wanted = sources.filter((s) => !request.source || request.source === "all" || request.source === s.name);
    const results: SyncRunResult[] = [];
    for (const source of wanted) {
      const toMs = request.toMs ?? Date.now();
      const lookbackMs = request.lookbackMs ?? env.SYNC_LOOKBACK_HOURS * 3600_000;
      const checkpoint = getCheckpoint(db, source.name)?.doneUntilMs || toMs - lookbackMs;
      const fromMs = request.fromMs ?? Math.min(checkpoint, toMs - lookbackMs);
      const before = retries;
      results.push(
        await runSync(db, source, {
          fromMs,
          toMs,
          trigger: request.trigger,
          windowMs: request.windowMs,
          onProgress: request.onProgress,
          retries: () => retries - before,
        }),
      );
    }
    return { status: "done", results, notConfigured: notConfigured.filter((n) => !request.source || request.source === "all" || request.source === n.name) };
  } finally {
    clearInterval(renew);
    releaseLease(db, SYNC_LEASE, holder);
  }
}
