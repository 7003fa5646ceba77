import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const TOKEN = "0123456789abcdef";

describe("parseEnv", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv({ CALLBACK_TOKEN: TOKEN });
    expect(env).toMatchObject({
      DATABASE_URL: "file:./data/calls.db",
      databasePath: "./data/calls.db",
      PORT: 3000,
      VENDOR_TZ: "Asia/Shanghai",
      DISPLAY_TZ: "Asia/Shanghai",
    });
  });
  it("names each wrong or missing variable", () => {
    try {
      parseEnv({ VENDOR_TZ: "Mars/Olympus", PORT: "http", ADMIN_EMAIL: "nope" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      const text = (err as Error).message;
      for (const name of ["CALLBACK_TOKEN", "VENDOR_TZ", "PORT", "ADMIN_EMAIL"]) expect(text).toContain(name);
      expect(text).toContain("Mars/Olympus");
    }
  });
  it("treats empty values as unset", () => {
    expect(parseEnv({ CALLBACK_TOKEN: TOKEN, DISPLAY_TZ: "", VENDOR_TZ: "Europe/Paris" }).DISPLAY_TZ).toBe("Europe/Paris");
  });
  it("takes file: URLs and plain paths for DATABASE_URL", () => {
    const path = (url: string) => parseEnv({ CALLBACK_TOKEN: TOKEN, DATABASE_URL: url }).databasePath;
    expect(path("file:./data/x.db")).toBe("./data/x.db");
    expect(path("file:///srv/calls/x.db")).toBe("/srv/calls/x.db");
    expect(path("/srv/calls/x.db")).toBe("/srv/calls/x.db");
    expect(path("data/x.db")).toBe("data/x.db");
  });
  it("refuses a DATABASE_URL of another scheme, naming the variable and the schemes it knows", () => {
    for (const url of ["postgres://user:pass@127.0.0.1:5432/db", "mysql://h/db", "https://example.com/x.db", "file:"]) {
      expect(() => parseEnv({ CALLBACK_TOKEN: TOKEN, DATABASE_URL: url }), url).toThrow(EnvError);
    }
    expect(() => parseEnv({ CALLBACK_TOKEN: TOKEN, DATABASE_URL: "postgres://user:pass@127.0.0.1:5432/db" })).toThrow(
      /DATABASE_URL uses the scheme "postgres:".*Known schemes: file:/,
    );
  });

  it("takes several comma-separated callback tokens, first one first", () => {
    expect(parseEnv({ CALLBACK_TOKEN: TOKEN }).CALLBACK_TOKEN).toEqual([TOKEN]);
    expect(parseEnv({ CALLBACK_TOKEN: ` new-token-0123456789 , ${TOKEN},,new-token-0123456789 ` }).CALLBACK_TOKEN).toEqual(["new-token-0123456789", TOKEN]);
  });
  it("refuses a callback token under 16 characters, naming the variable and not the token", () => {
    expect(() => parseEnv({ CALLBACK_TOKEN: "123456789012345" })).toThrow(/CALLBACK_TOKEN the token has 15 characters; each token must have at least 16/);
    expect(() => parseEnv({ CALLBACK_TOKEN: `${TOKEN},short-one` })).toThrow(/CALLBACK_TOKEN token 2 of 2 has 9 characters/);
    expect(() => parseEnv({ CALLBACK_TOKEN: `${TOKEN},short-one` })).not.toThrow(/short-one/);
    expect(() => parseEnv({ CALLBACK_TOKEN: " , " })).toThrow(/CALLBACK_TOKEN must list at least one token/);
  });
  it("refuses the .env.example placeholder as a callback token", () => {
    for (const value of ["change-me-to-a-long-random-string", `${TOKEN}, change-me-to-a-long-random-string`]) {
      expect(() => parseEnv({ CALLBACK_TOKEN: value }), value).toThrow(/CALLBACK_TOKEN .*the \.env\.example placeholder/);
    }
  });
  it("reads CALLBACK_ALLOWED_IPS as addresses and CIDR ranges, IPv4 and IPv6", () => {
    expect(parseEnv({ CALLBACK_TOKEN: TOKEN }).CALLBACK_ALLOWED_IPS).toBeUndefined();
    const list = parseEnv({ CALLBACK_TOKEN: TOKEN, CALLBACK_ALLOWED_IPS: "203.0.113.7, 198.51.100.0/24, 2001:db8::/32" }).CALLBACK_ALLOWED_IPS;
    expect(list?.entries).toEqual(["203.0.113.7", "198.51.100.0/24", "2001:db8::/32"]);
    expect(list?.allows("198.51.100.200")).toBe(true);
    expect(list?.allows("192.0.2.1")).toBe(false);
  });
  it("refuses a CALLBACK_ALLOWED_IPS entry that is not an address or a range, naming the variable and the entry", () => {
    for (const [value, message] of [
      ["10.0.0.0/33", /CALLBACK_ALLOWED_IPS has "10\.0\.0\.0\/33", whose prefix length must be a number from 0 to 32/],
      ["2001:db8::/129", /CALLBACK_ALLOWED_IPS has "2001:db8::\/129", whose prefix length must be a number from 0 to 128/],
      ["203.0.113.7, vendor.example", /CALLBACK_ALLOWED_IPS has "vendor\.example", which is not an IPv4 or IPv6 address/],
      ["10.0.0.256", /CALLBACK_ALLOWED_IPS has "10\.0\.0\.256"/],
      ["10.0.0.0/8/8", /CALLBACK_ALLOWED_IPS has "10\.0\.0\.0\/8\/8"/],
      ["10.0.0.0/", /CALLBACK_ALLOWED_IPS has "10\.0\.0\.0\/"/],
      ["10.0.0.0/-1", /CALLBACK_ALLOWED_IPS has "10\.0\.0\.0\/-1"/],
      [" , ", /CALLBACK_ALLOWED_IPS must list at least one address or CIDR range/],
    ] as const) {
      expect(() => parseEnv({ CALLBACK_TOKEN: TOKEN, CALLBACK_ALLOWED_IPS: value }), value).toThrow(message);
    }
  });
});
