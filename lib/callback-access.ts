import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Who may send vendor callbacks: the shared tokens (CALLBACK_TOKEN, several during a rotation). Pure, so lib/env
 * validates with it and the handler checks with it.
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
