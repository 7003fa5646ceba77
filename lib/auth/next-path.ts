const DEFAULT_AFTER_SIGN_IN = "/calls";

/**
 * Where to go after signing in: the `next` parameter when it is a same-site path ("/calls?x=1"), else /calls.
 * Refuses "//evil.example" and "/\evil.example" (browsers read both as another host) and absolute URLs.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return DEFAULT_AFTER_SIGN_IN;
  if (next === "/login" || next.startsWith("/login?") || next.startsWith("/api/")) return DEFAULT_AFTER_SIGN_IN;
  return next;
}
