import { NextResponse, type NextRequest } from "next/server";
import { getSessionCookie } from "better-auth/cookies";
import { errorResponse } from "@/lib/errors";
import { contentSecurityPolicy, makeNonce } from "@/lib/security-headers";

/**
 * The fast path of authentication: a request without a session cookie never reaches a page or an API route.
 * It only checks that the cookie is present; pages (requireUser) and routes (requireApiUser) still check the session
 * itself, so an expired or forged cookie gets no further than here would let it.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublic(pathname)) return withPolicy(request);

  if (!getSessionCookie(request)) {
    if (pathname === "/api" || pathname.startsWith("/api/")) {
      return errorResponse("unauthorized", "Sign in first.");
    }
    const login = new URL("/login", request.url);
    login.search = new URLSearchParams({ next: pathname + search }).toString();
    return NextResponse.redirect(login);
  }

  if (pathname.startsWith("/api/")) return NextResponse.next();
  // Tell requireUser() where it is, for the ?next= of its redirect when the cookie turns out to be stale.
  return withPolicy(request, { "x-request-path": pathname + search });
}

/**
 * Pages get a Content-Security-Policy with a fresh nonce. The policy also goes on the request, where Next.js reads the
 * nonce for its own scripts (the root layout renders dynamically so that every page can carry it).
 */
function withPolicy(request: NextRequest, extra: Record<string, string> = {}): NextResponse {
  const { pathname } = request.nextUrl;
  if (pathname === "/api" || pathname.startsWith("/api/")) return NextResponse.next();
  const policy = contentSecurityPolicy(makeNonce(), { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  // Only over https (directly or behind a TLS-terminating proxy): a plain-http install must not pin browsers to https.
  if (request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https") {
    response.headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

function isPublic(pathname: string): boolean {
  return (
    pathname === "/login" ||
    pathname === "/api/health" ||
    pathname.startsWith("/api/auth/") ||
    // Vendor callbacks carry their own token and no session.
    pathname.startsWith("/api/callbacks/")
  );
}

export const config = {
  matcher: [
    // Everything but Next's assets, the favicon, files from /public (by extension), and the token-guarded vendor
    // callbacks (kept out so that their bodies stream straight to the route's capped reader).
    "/((?!api/callbacks/|api/health|_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpe?g|gif|webp|avif|ico|txt|xml|webmanifest|json|woff2?|ttf|css|js|map)$).*)",
  ],
};
