/**
 * Cross-site request forgery guard for state-changing API routes: a browser tells where a request comes from
 * (`Sec-Fetch-Site`, `Origin`); one started by another site is refused. A request with neither header is not from a
 * browser page (a script with the session cookie, curl) and is let through: forgery needs a victim's browser.
 */
export function isCrossSiteRequest(req: Request, appOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const fetchSite = req.headers.get("sec-fetch-site");
  // "none": typed or bookmarked by the user; "same-origin": our own pages. "same-site" is a sibling subdomain: not us.
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = req.headers.get("origin");
  if (origin === null) return false;
  return !appOrigins.includes(origin);
}

/** The origins the app answers as: the request's own (Host) and the configured public URL. */
export function appOriginsOf(req: Request, publicUrl: string | undefined): string[] {
  const origins = [new URL(req.url).origin];
  if (publicUrl) origins.push(new URL(publicUrl).origin);
  return origins;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
