import { describe, expect, it } from "vitest";
import { appOriginsOf, isCrossSiteRequest } from "./same-origin";

const APP = "https://calls.example.com";
const request = (method: string, headers: Record<string, string> = {}) => new Request(`${APP}/api/sync`, { method, headers });
const crossSite = (req: Request) => isCrossSiteRequest(req, appOriginsOf(req, "https://calls.example.com"));

describe("isCrossSiteRequest", () => {
  it("refuses a state change that another site's page started", () => {
    expect(crossSite(request("POST", { origin: "https://evil.example" }))).toBe(true);
    expect(crossSite(request("POST", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(crossSite(request("DELETE", { "sec-fetch-site": "same-site", origin: "https://other.calls.example.com" }))).toBe(true);
    expect(crossSite(request("POST", { origin: "null" }))).toBe(true);
    expect(crossSite(request("POST", { origin: "http://calls.example.com" }))).toBe(true);
  });

  it("lets our own pages, the configured public URL and non-browser clients through", () => {
    expect(crossSite(request("POST", { origin: APP, "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(crossSite(request("POST", { origin: APP }))).toBe(false);
    expect(crossSite(request("POST"))).toBe(false);
    const behindProxy = new Request("http://127.0.0.1:3000/api/sync", { method: "POST", headers: { origin: APP } });
    expect(isCrossSiteRequest(behindProxy, appOriginsOf(behindProxy, APP))).toBe(false);
  });

  it("never refuses a read", () => {
    expect(crossSite(request("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBe(false);
  });
});
