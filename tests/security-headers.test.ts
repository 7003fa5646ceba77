import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startAppServer, type AppServer } from "./support/app-server";

let app: AppServer;
let cookie: string;

beforeAll(async () => {
  app = await startAppServer({ SYNC_INTERVAL_SECONDS: "0", EXTENSION_POLL_SECONDS: "0" });
  cookie = await signIn(app.url);
});
afterAll(() => app?.stop());

const nonceOf = (policy: string | null) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];

describe("security headers", () => {
  it.each(["/login", "/calls", "/analytics", "/live", "/sync", "/settings", "/calls/999999"])(
    "%s carries a CSP whose nonce is on its scripts",
    async (path) => {
      const res = await fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual" });
      const policy = res.headers.get("content-security-policy");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toContain("unsafe-eval");
      const nonce = nonceOf(policy);
      expect(nonce).toBeTruthy();
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    },
  );

  it("uses a fresh nonce for every request", async () => {
    const a = nonceOf((await fetch(`${app.url}/login`)).headers.get("content-security-policy"));
    const b = nonceOf((await fetch(`${app.url}/login`)).headers.get("content-security-policy"));
    expect(a).not.toBe(b);
  });

  it.each(["/login", "/api/health", "/api/calls", "/api/callbacks/bill"])("%s: nosniff, no framing, a referrer policy, no X-Powered-By", async (path) => {
    const res = await fetch(`${app.url}${path}`, { redirect: "manual" });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("sends HSTS only when the request came over https", async () => {
    expect((await fetch(`${app.url}/login`)).headers.get("strict-transport-security")).toBeNull();
    const viaTls = await fetch(`${app.url}/login`, { headers: { "x-forwarded-proto": "https" } });
    expect(viaTls.headers.get("strict-transport-security")).toContain("max-age=");
  });
});

describe("cross-site request forgery", () => {
  it.each([
    ["POST", "/api/sync"],
    ["POST", "/api/settings/hangup-labels"],
    ["POST", "/api/inbox/1/replay"],
  ])("%s %s started by another site is refused with 403, whatever cookie it carries", async (method, path) => {
    const forgeries: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }];
    for (const forged of forgeries) {
      const res = await fetch(`${app.url}${path}`, { method, headers: { cookie, "content-type": "application/json", ...forged }, body: "{}" });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
  });

  it("lets the app's own pages and non-browser clients change things", async () => {
    const own = await fetch(`${app.url}/api/sync`, { method: "POST", headers: { cookie, origin: app.url, "sec-fetch-site": "same-origin" } });
    expect([200, 202, 409]).toContain(own.status);
    const script = await fetch(`${app.url}/api/sync`, { method: "POST", headers: { cookie } });
    expect([200, 202, 409]).toContain(script.status);
  });
});
