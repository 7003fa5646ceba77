import { createHash, timingSafeEqual } from "node:crypto";
import { BlockList, isIP } from "node:net";

/**
 * Who may send vendor callbacks: the shared tokens (CALLBACK_TOKEN, several during a rotation) and the optional
 * address allow-list (CALLBACK_ALLOWED_IPS). Pure, so lib/env validates with it and the handler checks with it.
 */

/** The value `.env.example` ships with: refused, so a copied example never guards a real install. */
export const CALLBACK_TOKEN_PLACEHOLDER = "change-me-to-a-long-random-string";
export const CALLBACK_TOKEN_MIN_LENGTH = 16;

/** A comma-separated setting as its trimmed, non-empty entries. */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Why a list of callback tokens cannot be used (never quoting a token: these messages are logged), or []. */
export function callbackTokenProblems(tokens: readonly string[]): string[] {
  if (tokens.length === 0) return ["must list at least one token"];
  const problems: string[] = [];
  tokens.forEach((token, i) => {
    const which = tokens.length > 1 ? `token ${i + 1} of ${tokens.length}` : "the token";
    if (token === CALLBACK_TOKEN_PLACEHOLDER) {
      problems.push(`${which} is the .env.example placeholder (${CALLBACK_TOKEN_PLACEHOLDER}): set a long random secret`);
    } else if (token.length < CALLBACK_TOKEN_MIN_LENGTH) {
      problems.push(`${which} has ${token.length} characters; each token must have at least ${CALLBACK_TOKEN_MIN_LENGTH}`);
    }
  });
  return problems;
}

/**
 * Whether `given` equals any of `tokens`. Every token is compared (timing-safe, on SHA-256 digests so that lengths do
 * not matter), with no early exit: the time taken says nothing about which token matched, or whether one did.
 */
export function anyTokenMatches(given: string, tokens: readonly string[]): boolean {
  const digest = sha256(given);
  let matched = 0;
  for (const token of tokens) matched |= timingSafeEqual(digest, sha256(token)) ? 1 : 0;
  return matched === 1 && given.length > 0;
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** CALLBACK_ALLOWED_IPS, parsed: addresses and CIDR ranges, IPv4 and IPv6 (an IPv4-mapped IPv6 caller counts as IPv4). */
export class IpAllowList {
  private constructor(
    /** The entries as written, for display. */
    readonly entries: readonly string[],
    private readonly list: BlockList,
  ) {}

  /** Parses a comma-separated list; a wrong entry is named in `problems`. */
  static parse(value: string): { ok: true; list: IpAllowList } | { ok: false; problems: string[] } {
    const entries = splitList(value);
    if (entries.length === 0) return { ok: false, problems: ["must list at least one address or CIDR range"] };
    const list = new BlockList();
    const problems: string[] = [];
    for (const entry of entries) {
      const problem = addEntry(list, entry);
      if (problem) problems.push(problem);
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, list: new IpAllowList(entries, list) };
  }

  /** Whether a caller's address is inside the list; a missing or unreadable address is not. */
  allows(address: string | null | undefined): boolean {
    const ip = normalizeAddress(address);
    if (!ip) return false;
    try {
      if (this.list.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6")) return true;
      const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)?.[1];
      return mapped !== undefined && isIP(mapped) === 4 && this.list.check(mapped, "ipv4");
    } catch {
      return false;
    }
  }
}

/** Adds `1.2.3.4`, `10.0.0.0/8`, `2001:db8::1` or `2001:db8::/32`; returns why it cannot, or null. */
function addEntry(list: BlockList, entry: string): string | null {
  const [address = "", prefix, extra] = entry.split("/");
  const family = isIP(address);
  if (extra !== undefined || family === 0 || address.includes("%")) {
    return `has "${entry}", which is not an IPv4 or IPv6 address or a CIDR range (such as 203.0.113.0/24 or 2001:db8::/32)`;
  }
  const type = family === 4 ? "ipv4" : "ipv6";
  if (prefix === undefined) {
    list.addAddress(address, type);
    return null;
  }
  const bits = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) {
    return `has "${entry}", whose prefix length must be a number from 0 to ${bits}`;
  }
  list.addSubnet(address, Number(prefix), type);
  return null;
}

/** `1.2.3.4`, `1.2.3.4:5678`, `[2001:db8::1]:443` → the bare address; anything else that is not an address → null. */
function normalizeAddress(address: string | null | undefined): string | null {
  let ip = address?.trim() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":"));
  return isIP(ip) !== 0 ? ip : null;
}
