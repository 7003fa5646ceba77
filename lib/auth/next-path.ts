const DEFAULT_AFTER_SIGN_IN = "/calls";

/** A stand-in for the app's own origin: `next` must resolve to it, whatever host the app is served from. */
const APP_ORIGIN = "http://app.invalid";

/**
 * Control characters (browsers strip tab, CR and LF from URLs, so "/\t/evil.example" becomes "//evil.example") and
 * backslashes (read as "/" in http URLs, so "/\evil.example" is another host).
 */
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * Where to go after signing in: the `next` parameter when it is a path of this app ("/calls?x=1"), else /calls.
 * `next` is resolved with the WHATWG URL parser, the browser's own, against the app's origin and must stay on it;
 * what comes back is the parser's normalized path + query + fragment. Refuses absolute URLs, "//evil.example",
 * "/\evil.example", control characters, and the sign-in page and API routes (a loop, or JSON instead of a page).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || UNSAFE_CHARS.test(next)) return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(next, APP_ORIGIN);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== APP_ORIGIN) return DEFAULT_AFTER_SIGN_IN;
  const { pathname } = url;
  // "/.//evil.example" normalizes to the path "//evil.example", which a browser would read as another host.
  if (pathname.startsWith("//")) return DEFAULT_AFTER_SIGN_IN;
  if (pathname === "/login" || pathname === "/api" || pathname.startsWith("/api/")) return DEFAULT_AFTER_SIGN_IN;
  return pathname + url.search + url.hash;
}
