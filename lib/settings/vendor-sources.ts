import type { Env } from "@/lib/env";

/**
 * What the operator configured for each pull source, with secrets masked: safe to render on /settings and /sync.
 * Pure (reads only the env object it is given), so pages and tests pass their own.
 */

export type VendorSourceEnv = Pick<
  Env,
  "GETBILL_URL" | "GETBILL_TOKEN" | "GETBILL_APPID" | "GETBILL_ACCESSKEY" | "CDRS_URL" | "CDRS_APPID" | "CDRS_ACCESSKEY" | "CDRS_USERNAME" | "CDRS_IP"
>;

type VendorSourceSetting = {
  name: keyof VendorSourceEnv;
  /** The value (secrets masked, passwords in URLs masked), or null when unset. */
  value: string | null;
  secret: boolean;
};

export type VendorSourceState = {
  configured: boolean;
  /** What is missing, as variable names ("GETBILL_URL", "CDRS_USERNAME or CDRS_IP"); empty when configured. */
  missing: string[];
  url: string | null;
  /**
   * How requests authenticate: "login" (appid + access key → a token that expires, issue 8), "token" (a fixed
   * GETBILL_TOKEN), "accesskey" (/api/cdrs sends appid + access key with every request), null when not configured.
   */
  auth: "login" | "token" | "accesskey" | null;
  settings: VendorSourceSetting[];
};

type VendorSources = { getbill: VendorSourceState; cdrs: VendorSourceState };

const SECRET_NAMES = new Set<keyof VendorSourceEnv>(["GETBILL_TOKEN", "GETBILL_ACCESSKEY", "CDRS_ACCESSKEY"]);
const MASK = "••••";

export function describeVendorSources(env: VendorSourceEnv): VendorSources {
  return { getbill: describeGetBill(env), cdrs: describeCdrs(env) };
}

function describeGetBill(env: VendorSourceEnv): VendorSourceState {
  const hasLogin = Boolean(env.GETBILL_APPID && env.GETBILL_ACCESSKEY);
  const hasToken = Boolean(env.GETBILL_TOKEN);
  const missing: string[] = [];
  if (!env.GETBILL_URL) missing.push("GETBILL_URL");
  if (!hasLogin && !hasToken) {
    // Half a login pair is more likely a typo than a choice: name the other half.
    if (env.GETBILL_APPID) missing.push("GETBILL_ACCESSKEY");
    else if (env.GETBILL_ACCESSKEY) missing.push("GETBILL_APPID");
    else missing.push("GETBILL_TOKEN or GETBILL_APPID + GETBILL_ACCESSKEY");
  }
  const configured = missing.length === 0;
  return {
    configured,
    missing,
    url: env.GETBILL_URL ? maskUrlPassword(env.GETBILL_URL) : null,
    // A login wins over a fixed token: the token expires, the login renews it.
    auth: configured ? (hasLogin ? "login" : "token") : null,
    settings: settingsOf(env, ["GETBILL_URL", "GETBILL_APPID", "GETBILL_ACCESSKEY", "GETBILL_TOKEN"]),
  };
}

function describeCdrs(env: VendorSourceEnv): VendorSourceState {
  const missing: string[] = [];
  if (!env.CDRS_URL) missing.push("CDRS_URL");
  if (!env.CDRS_APPID) missing.push("CDRS_APPID");
  if (!env.CDRS_ACCESSKEY) missing.push("CDRS_ACCESSKEY");
  if (!env.CDRS_USERNAME && !env.CDRS_IP) missing.push("CDRS_USERNAME or CDRS_IP");
  const configured = missing.length === 0;
  return {
    configured,
    missing,
    url: env.CDRS_URL ? maskUrlPassword(env.CDRS_URL) : null,
    auth: configured ? "accesskey" : null,
    settings: settingsOf(env, ["CDRS_URL", "CDRS_APPID", "CDRS_ACCESSKEY", "CDRS_USERNAME", "CDRS_IP"]),
  };
}

function settingsOf(env: VendorSourceEnv, names: (keyof VendorSourceEnv)[]): VendorSourceSetting[] {
  return names.map((name) => {
    const raw = env[name];
    const secret = SECRET_NAMES.has(name);
    const value = raw ? (secret ? maskSecret(raw) : name.endsWith("_URL") ? maskUrlPassword(raw) : raw) : null;
    return { name, value, secret };
  });
}

/**
 * A secret as `ab••••yz`: enough to tell two keys apart, not enough to use one. Short secrets (under 8 characters)
 * would give away half their length, so they show as `••••` only.
 */
export function maskSecret(secret: string): string {
  if (secret.length < 8) return MASK;
  return `${secret.slice(0, 2)}${MASK}${secret.slice(-2)}`;
}

/** A URL with a password in it (`http://user:pass@host/`) keeps the user and hides the password. */
function maskUrlPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = "xxxx";
    return parsed.toString().replace(":xxxx@", `:${MASK}@`);
  } catch {
    return url;
  }
}
