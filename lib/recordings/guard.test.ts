import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { blockedReason, buildRecordingUrl, checkRecordFilename, hostPortOf, vetRecordingUrl, type Lookup } from "./guard";

const TEMPLATE = "http://{downloadip}/{recordfilename}";
const resolveTo =
  (...addresses: string[]): Lookup =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("blockedReason", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["::", "unspecified"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.10", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["169.254.1.1", "link-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["169.254.169.254", "cloud metadata"],
    ["fd00:ec2::254", "cloud metadata"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:a9fe:a9fe", "cloud metadata"],
    ["224.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["[::1]", "loopback"],
  ])("refuses %s (%s)", (ip, reason) => {
    expect(blockedReason(ip)).toBe(reason);
  });

  it.each(["8.8.8.8", "1.1.1.1", "120.76.152.137", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])(
    "allows the public address %s",
    (ip) => {
      expect(blockedReason(ip)).toBeNull();
    },
  );

  it("calls a non-address invalid", () => {
    expect(blockedReason("example.com")).toBe("invalid");
  });
});

describe("checkRecordFilename", () => {
  it.each(["20261128/8001_abc.wav", "rec.mp3", "2026/11/28/a-b_c.wav", "name with space.wav", "a..b.wav"])("accepts %s", (name) => {
    expect(checkRecordFilename(name)).toBe(name);
  });

  it.each([
    ["../etc/passwd", "climbs"],
    ["20261128/../../secret", "climbs"],
    ["a/./b.wav", "climbs"],
    ["..", "climbs"],
    ["%2e%2e/secret", "climbs"],
    ["%2E%2E%2Fsecret", "climbs"],
    ["a/%2e%2e/%2e%2e/x", "climbs"],
    ["%252e%252e/secret", "climbs"],
    ["..%2fsecret", "climbs"],
    ["a\\..\\b.wav", "backslash"],
    ["a%5cb.wav", "backslash"],
    ["/etc/passwd", "absolute"],
    ["%2fetc/passwd", "absolute"],
    ["C:/windows/win.ini", "absolute"],
    ["http://evil.example/x.wav", "absolute"],
    ["a\u0000.wav", "control"],
    ["a%00.wav", "control"],
    ["a\r\nHost: x.wav", "control"],
    ["%zz.wav", "malformed"],
    ["", "empty"],
    ["x".repeat(600), "too long"],
  ])("refuses %j (%s)", (name, why) => {
    let err: unknown;
    try {
      checkRecordFilename(name);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("bad_request");
    expect((err as AppError).message).toContain(why);
  });
});

describe("buildRecordingUrl", () => {
  it("fills the template with downloadip and the encoded file name, keeping date folders", () => {
    const url = buildRecordingUrl({ recordUrl: null, downloadIp: "120.76.152.137:8080", recordFilename: "20261128/8001_a b?#.wav" }, TEMPLATE);
    expect(url?.href).toBe("http://120.76.152.137:8080/20261128/8001_a%20b%3F%23.wav");
  });

  it("prefers recordurl when the vendor gives one", () => {
    const url = buildRecordingUrl({ recordUrl: "https://rec.example.com/x/1.wav?sig=abc", downloadIp: "1.2.3.4", recordFilename: "1.wav" }, TEMPLATE);
    expect(url?.href).toBe("https://rec.example.com/x/1.wav?sig=abc");
  });

  it("returns null when the call names no recording", () => {
    expect(buildRecordingUrl({ recordUrl: null, downloadIp: "1.2.3.4", recordFilename: null }, TEMPLATE)).toBeNull();
    expect(buildRecordingUrl({ recordUrl: "", downloadIp: "", recordFilename: "" }, TEMPLATE)).toBeNull();
  });

  it.each(["evil.com/x", "user@evil.com", "1.2.3.4/../", "", "a b", "1.2.3.4#"])("refuses the downloadip %j", (downloadIp) => {
    expect(() => buildRecordingUrl({ recordUrl: null, downloadIp, recordFilename: "a.wav" }, TEMPLATE)).toThrow(AppError);
  });

  it("refuses traversal in the file name before building anything", () => {
    expect(() => buildRecordingUrl({ recordUrl: null, downloadIp: "1.2.3.4", recordFilename: "../../x" }, TEMPLATE)).toThrow(/climbs/);
  });

  it.each(["file:///etc/passwd", "ftp://1.2.3.4/a.wav", "gopher://1.2.3.4:70/x", "javascript:alert(1)", "not a url"])(
    "refuses the recordurl %j",
    (recordUrl) => {
      expect(() => buildRecordingUrl({ recordUrl, downloadIp: null, recordFilename: null }, TEMPLATE)).toThrow(AppError);
    },
  );

  it("refuses a recordurl that climbs with .. or %2e%2e (the URL parser would resolve them silently)", () => {
    expect(() => buildRecordingUrl({ recordUrl: "http://1.2.3.4/rec/../admin", downloadIp: null, recordFilename: null }, TEMPLATE)).toThrow(/climbs/);
    expect(() => buildRecordingUrl({ recordUrl: "http://1.2.3.4/rec/%2e%2e/admin", downloadIp: null, recordFilename: null }, TEMPLATE)).toThrow(/climbs/);
  });

  it("supports a template with a fixed host", () => {
    const url = buildRecordingUrl({ recordUrl: null, downloadIp: null, recordFilename: "a/b.wav" }, "https://recordings.example.com/files/{recordfilename}");
    expect(url?.href).toBe("https://recordings.example.com/files/a/b.wav");
  });
});

describe("hostPortOf", () => {
  it("adds the default port and lower-cases", () => {
    expect(hostPortOf(new URL("http://REC.Example.com/a"))).toBe("rec.example.com:80");
    expect(hostPortOf(new URL("https://rec.example.com/a"))).toBe("rec.example.com:443");
    expect(hostPortOf(new URL("http://127.0.0.1:4010/a"))).toBe("127.0.0.1:4010");
    expect(hostPortOf(new URL("http://[::1]:8080/a"))).toBe("[::1]:8080");
  });
});

describe("vetRecordingUrl", () => {
  it("resolves a public host and returns the address to connect to", async () => {
    const t = await vetRecordingUrl(new URL("http://rec.example.com/a.wav"), [], resolveTo("93.184.216.34"));
    expect(t).toMatchObject({ address: "93.184.216.34", family: 4, hostPort: "rec.example.com:80" });
  });

  it("refuses a literal loopback address with a clear message naming the setting", async () => {
    const err = await refusal(vetRecordingUrl(new URL("http://127.0.0.1:4010/a.wav"), [], resolveTo()));
    expect(err.code).toBe("forbidden");
    expect(err.message).toContain("loopback");
    expect(err.message).toContain("RECORDING_ALLOWED_HOSTS");
    expect(err.message).toContain("127.0.0.1:4010");
  });

  it("allows a private host:port listed exactly in RECORDING_ALLOWED_HOSTS", async () => {
    const t = await vetRecordingUrl(new URL("http://127.0.0.1:4010/a.wav"), ["127.0.0.1:4010"], resolveTo());
    expect(t.address).toBe("127.0.0.1");
  });

  it("matches the allow-list on host and port exactly, case-insensitively", async () => {
    await refusal(vetRecordingUrl(new URL("http://127.0.0.1:4011/a.wav"), ["127.0.0.1:4010"], resolveTo()));
    await refusal(vetRecordingUrl(new URL("http://127.0.0.1/a.wav"), ["127.0.0.1"], resolveTo()));
    const t = await vetRecordingUrl(new URL("http://PBX.local:8080/a.wav"), ["pbx.local:8080"], resolveTo("192.168.1.5"));
    expect(t.address).toBe("192.168.1.5");
  });

  it("refuses a name that resolves to a private address (DNS pointing inside)", async () => {
    const err = await refusal(vetRecordingUrl(new URL("http://internal.example.com/a.wav"), [], resolveTo("10.0.0.5")));
    expect(err.code).toBe("forbidden");
    expect(err.message).toContain("private");
  });

  it("refuses a name when any of its addresses is refused (mixed public and private records)", async () => {
    const err = await refusal(vetRecordingUrl(new URL("http://mixed.example.com/a.wav"), [], resolveTo("93.184.216.34", "169.254.169.254")));
    expect(err.message).toContain("metadata");
  });

  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00:ec2::254]/",
    "http://[::1]:8080/",
    "http://[::ffff:127.0.0.1]/",
    "http://0.0.0.0:3000/",
    "http://100.100.100.200/",
    "http://2130706433/",
    "http://0x7f000001/",
    "http://017700000001/",
  ])("refuses %s", async (href) => {
    const err = await refusal(vetRecordingUrl(new URL(href), [], resolveTo()));
    expect(err.code).toBe("forbidden");
  });

  it("answers 404-style when the host does not resolve", async () => {
    const failing: Lookup = async () => {
      throw Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" });
    };
    const err = await refusal(vetRecordingUrl(new URL("http://nowhere.invalid/a.wav"), [], failing));
    expect(err.code).toBe("not_found");
  });

  it("refuses other schemes", async () => {
    const err = await refusal(vetRecordingUrl(new URL("ftp://93.184.216.34/a.wav"), [], resolveTo()));
    expect(err.code).toBe("bad_request");
  });
});
