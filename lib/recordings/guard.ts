import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { AppError } from "@/lib/errors";

/**
 * SSRF guard of the recordings proxy. `downloadip`, `recordfilename` and `recordurl` come from vendor payloads (and
 * anybody who knows the callback token), so the server must not fetch whatever they name: only http(s), no path
 * traversal, and no loopback / private / link-local / metadata address unless its exact host:port is allowed.
 */

const BLOCKED: { reason: string; cidrs: [string, number, "ipv4" | "ipv6"][] }[] = [
  {
    reason: "cloud metadata",
    cidrs: [
      ["169.254.169.254", 32, "ipv4"],
      ["fd00:ec2::254", 128, "ipv6"],
    ],
  },
  {
    reason: "loopback",
    cidrs: [
      ["127.0.0.0", 8, "ipv4"],
      ["::1", 128, "ipv6"],
    ],
  },
  {
    reason: "unspecified",
    cidrs: [
      ["0.0.0.0", 8, "ipv4"],
      ["::", 128, "ipv6"],
    ],
  },
  {
    reason: "private",
    cidrs: [
      ["10.0.0.0", 8, "ipv4"],
      ["172.16.0.0", 12, "ipv4"],
      ["192.168.0.0", 16, "ipv4"],
      ["fc00::", 7, "ipv6"],
    ],
  },
  {
    reason: "link-local",
    cidrs: [
      ["169.254.0.0", 16, "ipv4"],
      ["fe80::", 10, "ipv6"],
    ],
  },
  { reason: "carrier-grade NAT", cidrs: [["100.64.0.0", 10, "ipv4"]] },
  {
    reason: "reserved",
    cidrs: [
      ["192.0.0.0", 24, "ipv4"],
      ["198.18.0.0", 15, "ipv4"],
      ["224.0.0.0", 4, "ipv4"],
      ["240.0.0.0", 4, "ipv4"],
      ["ff00::", 8, "ipv6"],
      ["64:ff9b:1::", 48, "ipv6"],
    ],
  },
];

const LISTS = BLOCKED.map(({ reason, cidrs }) => {
  const list = new BlockList();
  for (const [net, prefix, type] of cidrs) list.addSubnet(net, prefix, type);
  return { reason, list };
});

/** Why an IP address must not be fetched ("loopback", "private", …), or null when it is a public address. */
export function blockedReason(address: string): string | null {
  let ip = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const v = isIP(ip);
  if (v === 0) return "invalid";
  // ::ffff:10.0.0.1 (IPv4-mapped) and ::10.0.0.1 (IPv4-compatible) reach the IPv4 address.
  const mapped = /^(?:::ffff:|::)(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v === 6 && mapped) ip = mapped[1]!;
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (v === 6 && mappedHex) {
    const hi = parseInt(mappedHex[1]!, 16);
    const lo = parseInt(mappedHex[2]!, 16);
    ip = `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  const type = isIP(ip) === 4 ? "ipv4" : "ipv6";
  for (const { reason, list } of LISTS) if (list.check(ip, type)) return reason;
  return null;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A vendor `recordfilename` that is safe to put in a URL path: relative, no `.`/`..` segment (also percent-encoded),
 * no backslash, no control characters. Date folders (`20261128/8001_uuid.wav`) are fine. Throws AppError 400.
 */
export function checkRecordFilename(name: string): string {
  const refuse = (why: string): never => {
    throw new AppError("bad_request", `The recording file name is refused: ${why}.`, "recordfilename");
  };
  if (!name || name.length > 512) refuse("it is empty or too long");
  let decoded = name;
  // Decode until stable, so that %252e%252e is caught as well as %2e%2e.
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      refuse("it holds a malformed percent-encoding");
      break;
    }
    if (next === decoded) break;
    decoded = next;
  }
  for (const text of [name, decoded]) {
    if (CONTROL.test(text)) refuse("it holds control characters");
    if (text.includes("\\")) refuse("it holds a backslash");
    if (text.startsWith("/") || /^[a-z]:/i.test(text) || /^[a-z][a-z0-9+.-]*:\/\//i.test(text)) refuse("it is an absolute path");
    if (text.split("/").some((segment) => segment === ".." || segment === ".")) refuse("it climbs out of the recordings folder (..)");
  }
  return name;
}

const HOST_PORT = /^(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export type RecordingSource = { recordUrl: string | null; downloadIp: string | null; recordFilename: string | null };

/**
 * The vendor address of a call's recording: its `recordurl` when present (2025 edition), else the template over
 * `downloadip` and `recordfilename`. Null when the call names no recording. Throws AppError 400 for refused input.
 */
export function buildRecordingUrl(call: RecordingSource, template: string): URL | null {
  if (call.recordUrl) return checkUrl(call.recordUrl);
  if (!call.recordFilename) return null;
  const file = checkRecordFilename(call.recordFilename);
  const host = (call.downloadIp ?? "").trim();
  if (template.includes("{downloadip}") && !HOST_PORT.test(host)) {
    throw new AppError("bad_request", "The recording host (downloadip) is not a host name or address.", "downloadip");
  }
  // Each path segment is encoded, so `?` or `#` in a file name cannot change the query or fragment.
  const path = file.split("/").map(encodeURIComponent).join("/");
  return checkUrl(template.replaceAll("{downloadip}", host).replaceAll("{recordfilename}", path));
}

function checkUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError("bad_request", "The recording address is not a URL.", "recordurl");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AppError("bad_request", `The recording address uses ${url.protocol}; only http and https are fetched.`, "recordurl");
  }
  // The URL parser resolves `..` and `%2e%2e` silently, so the raw text is checked.
  const rawPath = text.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").split(/[?#]/)[0] ?? "";
  if (rawPath.split("/").some((s) => /^(?:\.|%2e){1,2}$/i.test(s)) || rawPath.includes("\\")) {
    throw new AppError("bad_request", "The recording file name is refused: it climbs out of the recordings folder (..).", "recordurl");
  }
  return url;
}

/** "host:port" in lower case, with the scheme's default port: the key of RECORDING_ALLOWED_HOSTS. */
export function hostPortOf(url: URL): string {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `${url.hostname.toLowerCase()}:${port}`;
}

export type Lookup = (hostname: string) => Promise<{ address: string; family: number }[]>;
type VettedTarget = { url: URL; address: string; family: 4 | 6; hostPort: string };

const defaultLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Resolves the URL's host once and checks every address. The caller connects to `address` (not to the name again),
 * so a DNS answer that changes between the check and the fetch (rebinding) cannot reach a refused address.
 */
export async function vetRecordingUrl(url: URL, allowedHosts: readonly string[], lookup: Lookup = defaultLookup): Promise<VettedTarget> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AppError("bad_request", `The recording address uses ${url.protocol}; only http and https are fetched.`);
  }
  const hostPort = hostPortOf(url);
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  if (isIP(hostname)) {
    addresses = [{ address: hostname, family: isIP(hostname) }];
  } else {
    try {
      addresses = await lookup(hostname);
    } catch {
      throw new AppError("not_found", `The recording host ${url.hostname} could not be resolved.`);
    }
  }
  if (addresses.length === 0) throw new AppError("not_found", `The recording host ${url.hostname} could not be resolved.`);
  const allowed = allowedHosts.map((h) => h.toLowerCase()).includes(hostPort);
  if (!allowed) {
    for (const a of addresses) {
      const reason = blockedReason(a.address);
      if (reason) {
        throw new AppError(
          "forbidden",
          `Refusing to fetch the recording from ${hostPort}: it is a ${reason} address. If this vendor host is yours, add "${hostPort}" to RECORDING_ALLOWED_HOSTS.`,
        );
      }
    }
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4, hostPort };
}
