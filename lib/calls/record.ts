import type { CallSource, Direction, ExtensionStatus, HangupSide, VendorSystem } from "./sets";

/**
 * The one shape the rest of the product sees. Every vendor payload, whatever its source, edition or type drift,
 * is normalized into a CallRecord (bills) or an ExtensionEvent (status callbacks) by lib/telephony.
 * Instants are UTC epoch milliseconds; durations are whole seconds.
 */
export type CallRecord = {
  source: CallSource;
  vendorSystem: VendorSystem;
  /** Vendor `id` within `vendorSystem`; absent on predictive-outbound callbacks. */
  vendorId: number | null;
  /** Vendor call `uuid`; absent on GetBill bills and `/api/cdrs` records. */
  uuid: string | null;
  direction: Direction | null;
  /** A CALL_METHOD code; a code the documents do not list is kept as it came. */
  callMethod: number | null;
  startedAtMs: number;
  answeredAtMs: number | null;
  endedAtMs: number | null;
  /** `duration`: the vendor calls it "waiting time"; seconds from start to end. */
  durationSec: number | null;
  /** `billsec`: talk time in seconds. A call is answered when billSec > 0 (ANSWERED_RULE). */
  billSec: number;
  extension: string | null;
  /** `crmid` (callbacks) or `userid` (pull APIs, 2025 callbacks). */
  agent: string | null;
  /** `disnumber` / `displaynumber`. */
  displayNumber: string | null;
  /** `destnumber` / `callnumber`. */
  destNumber: string | null;
  memberId: string | null;
  /** `customuuid`. */
  customerId: string | null;
  chengshudu: string | null;
  userKey: string | null;
  companyCode: string | null;
  taskId: string | null;
  round: number | null;
  hangupCause: number | null;
  /** Who ended the call, whatever way the source said it. */
  hangupSide: HangupSide | null;
  /** Evidence: the vendor's own value as text, a code ("10040") from callbacks and GetBill, a word ("callee") from /api/cdrs. */
  hangupDirection: string | null;
  downloadIp: string | null;
  recordFilename: string | null;
  /** A full recording address (2025 edition). */
  recordUrl: string | null;
  /** A side of a double call (callmethod 4); null elsewhere. */
  aNumber: string | null;
  aStartedAtMs: number | null;
  aAnsweredAtMs: number | null;
  aEndedAtMs: number | null;
  aDurationSec: number | null;
  aBillSec: number | null;
  clientIp: string | null;
};

export type ExtensionEvent = {
  uuid: string;
  buuid: string | null;
  extension: string | null;
  caller: string | null;
  callee: string | null;
  displayNumber: string | null;
  direction: Direction | null;
  /** `method`: a CALL_METHOD code (1 to 5). */
  method: number | null;
  status: ExtensionStatus;
  eventAtMs: number;
  companyCode: string | null;
  isBLeg: boolean | null;
};

/**
 * A vendor value kept as evidence comes back as the vendor sent it: a number when it was one (stored as text, since
 * the same field is a code from one source and a word from another).
 */
export function asSent(value: string | null): string | number | null {
  return value != null && /^\d+$/.test(value) ? Number(value) : value;
}

/** What the vendor's login says about the account, kept for /settings and /sync. */
export type VendorAccount = {
  companyCode: string | null;
  companyName: string | null;
  /** When the account's API authorization ends, UTC ms. */
  authExpiresAtMs: number | null;
  ipAllowList: string | null;
};

/** The one rule for "answered", used by every screen and query: somebody talked (billsec > 0). A present answer time does not prove it. */
export const ANSWERED_RULE = "A call counts as answered when its talk time (billsec) is above zero.";
