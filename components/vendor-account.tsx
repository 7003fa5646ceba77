import type { VendorAccount } from "@/lib/calls";
import { formatCallTime, formatSpan } from "@/lib/time";

/** From this long before the vendor authorization ends, /sync and /settings warn. */
const AUTH_EXPIRY_WARNING_MS = 14 * 86_400_000;

/** The account as the last vendor login described it, and when. */
type Account = VendorAccount & { obtainedAtMs: number };

/** The warning about the account's API authorization ending, or nothing while it is far away. */
export function AuthExpiryWarning({ account, nowMs, timeZone }: { account: Account | null; nowMs: number; timeZone: string }) {
  const expires = account?.authExpiresAtMs;
  if (expires == null || expires - nowMs >= AUTH_EXPIRY_WARNING_MS) return null;
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      {expires <= nowMs
        ? "The vendor account's API authorization has expired: the sync cannot log in. Ask the vendor to renew the authorization of the appid."
        : `The vendor account's API authorization ends in ${formatSpan(expires - nowMs)} (${formatCallTime(expires, timeZone)}). Ask the vendor to renew it before then, or the sync stops.`}
    </div>
  );
}

/** What the last vendor login said about the account. */
export function VendorAccountDetails({ account, timeZone }: { account: Account | null; timeZone: string }) {
  if (!account) {
    return <p className="text-sm text-slate-600">No vendor login yet: it happens at the first sync when GETBILL_APPID and GETBILL_ACCESSKEY are set.</p>;
  }
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
      <dt className="text-slate-600">Company</dt>
      <dd>
        {account.companyName ?? "—"}
        {account.companyCode ? ` (code ${account.companyCode})` : ""}
      </dd>
      <dt className="text-slate-600">API authorization until</dt>
      <dd>{account.authExpiresAtMs ? formatCallTime(account.authExpiresAtMs, timeZone) : "not stated"}</dd>
      <dt className="text-slate-600">IP allow-list</dt>
      <dd className="break-all">{account.ipAllowList || "none"}</dd>
      <dt className="text-slate-600">Last login</dt>
      <dd>{formatCallTime(account.obtainedAtMs, timeZone)}</dd>
    </dl>
  );
}
