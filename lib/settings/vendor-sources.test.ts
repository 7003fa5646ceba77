import { describe, expect, it } from "vitest";
import { describeVendorSources, maskSecret, type VendorSourceEnv } from "./vendor-sources";

const none: VendorSourceEnv = {
  GETBILL_URL: undefined,
  GETBILL_TOKEN: undefined,
  GETBILL_APPID: undefined,
  GETBILL_ACCESSKEY: undefined,
  CDRS_URL: undefined,
  CDRS_APPID: undefined,
  CDRS_ACCESSKEY: undefined,
  CDRS_USERNAME: undefined,
  CDRS_IP: undefined,
};

const valueOf = (settings: { name: string; value: string | null }[], name: string) => settings.find((s) => s.name === name)?.value;

describe("maskSecret", () => {
  it("shows the first and last two characters", () => {
    expect(maskSecret("sk_live_abcdef123456")).toBe("sk••••56");
  });
  it("hides short secrets entirely", () => {
    expect(maskSecret("abc1234")).toBe("••••");
    expect(maskSecret("")).toBe("••••");
  });
});

describe("describeVendorSources", () => {
  it("names what is missing when nothing is configured", () => {
    const s = describeVendorSources(none);
    expect(s.getbill).toMatchObject({
      configured: false,
      auth: null,
      url: null,
      missing: ["GETBILL_URL", "GETBILL_TOKEN or GETBILL_APPID + GETBILL_ACCESSKEY"],
    });
    expect(s.cdrs).toMatchObject({ configured: false, auth: null, missing: ["CDRS_URL", "CDRS_APPID", "CDRS_ACCESSKEY", "CDRS_USERNAME or CDRS_IP"] });
    expect(s.getbill.settings.every((x) => x.value === null)).toBe(true);
  });

  it("accepts GetBill with a fixed token, masked", () => {
    const s = describeVendorSources({ ...none, GETBILL_URL: "http://vendor.example/", GETBILL_TOKEN: "0123456789abcdef" });
    expect(s.getbill).toMatchObject({ configured: true, missing: [], auth: "token", url: "http://vendor.example/" });
    expect(valueOf(s.getbill.settings, "GETBILL_TOKEN")).toBe("01••••ef");
  });

  it("prefers a login over a fixed token, and never shows the access key", () => {
    const s = describeVendorSources({
      ...none,
      GETBILL_URL: "http://vendor.example/",
      GETBILL_TOKEN: "0123456789abcdef",
      GETBILL_APPID: "app-20280001",
      GETBILL_ACCESSKEY: "AK-very-secret-key-99",
    });
    expect(s.getbill.auth).toBe("login");
    expect(valueOf(s.getbill.settings, "GETBILL_APPID")).toBe("app-20280001");
    expect(valueOf(s.getbill.settings, "GETBILL_ACCESSKEY")).toBe("AK••••99");
    expect(JSON.stringify(s)).not.toContain("very-secret");
  });

  it("names the other half of an incomplete login", () => {
    expect(describeVendorSources({ ...none, GETBILL_URL: "http://v.example/", GETBILL_APPID: "app" }).getbill.missing).toEqual(["GETBILL_ACCESSKEY"]);
    expect(describeVendorSources({ ...none, GETBILL_URL: "http://v.example/", GETBILL_ACCESSKEY: "secretkey" }).getbill.missing).toEqual(["GETBILL_APPID"]);
  });

  it("needs a username or an IP for /api/cdrs", () => {
    const base = { ...none, CDRS_URL: "http://vendor.example/api/cdrs", CDRS_APPID: "app", CDRS_ACCESSKEY: "cdrs-access-key-1" };
    expect(describeVendorSources(base).cdrs).toMatchObject({ configured: false, missing: ["CDRS_USERNAME or CDRS_IP"] });
    const withIp = describeVendorSources({ ...base, CDRS_IP: "203.0.113.7" }).cdrs;
    expect(withIp).toMatchObject({ configured: true, auth: "accesskey", missing: [] });
    expect(valueOf(withIp.settings, "CDRS_ACCESSKEY")).toBe("cd••••-1");
    expect(withIp.settings.find((x) => x.name === "CDRS_ACCESSKEY")?.secret).toBe(true);
    expect(describeVendorSources({ ...base, CDRS_USERNAME: "ops" }).cdrs.configured).toBe(true);
  });

  it("hides a password written into a URL", () => {
    const s = describeVendorSources({ ...none, CDRS_URL: "http://ops:hunter22@vendor.example/api/cdrs" });
    expect(s.cdrs.url).toBe("http://ops:••••@vendor.example/api/cdrs");
    expect(JSON.stringify(s)).not.toContain("hunter22");
  });
});
