import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getAuth, type AuthSession, type SessionUser } from "./auth";
import { safeNextPath } from "./next-path";
import { appOriginsOf, isCrossSiteRequest } from "./same-origin";

/** Set by proxy.ts on page requests: the path + query being served, for the `?next=` of a sign-in redirect. */
const REQUEST_PATH_HEADER = "x-request-path";

/** The signed-in session of the current request, or null. Reads the session row once per render. */
export const getSession = cache(async (): Promise<AuthSession | null> => {
  return getAuth().api.getSession({ headers: await headers() });
});

/**
 * For pages and layouts: the signed-in user, or a redirect to /login that comes back to `nextPath` (default: the
 * path the proxy saw) afterwards. The proxy already bounces requests without a cookie; this catches expired,
 * revoked or forged ones.
 */
export async function requireUser(nextPath?: string): Promise<SessionUser> {
  const session = await getSession();
  if (session) return session.user;
  const back = nextPath ?? (await headers()).get(REQUEST_PATH_HEADER) ?? "/calls";
  redirect(`/login?next=${encodeURIComponent(safeNextPath(back))}`);
}

/**
 * For route handlers: the signed-in user, or an AppError("unauthorized") that `toErrorResponse` makes a 401. A
 * state-changing request that another site started is refused first (403), whatever cookie it carries.
 */
export async function requireApiUser(req: Request): Promise<SessionUser> {
  if (isCrossSiteRequest(req, appOriginsOf(req, getEnv().BETTER_AUTH_URL))) {
    throw new AppError("forbidden", "Cross-site requests cannot change anything here.");
  }
  const session = await getAuth().api.getSession({ headers: req.headers });
  if (!session) throw new AppError("unauthorized", "Sign in first.");
  return session.user;
}
