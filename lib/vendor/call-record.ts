/**
 * The one shape the rest of the product sees. Every vendor payload, whatever its source, edition or type drift,
 * is normalized into a CallRecord (bills) or an ExtensionEvent (status callbacks) by lib/vendor.
 * Instants are UTC epoch milliseconds; durations are whole seconds.
 */

/** Where a record came from. The order is fixed: it defines the bit of each source in `calls.sources`. */
export const CALL_SOURCES = ["callback", "getbill", "cdrs"] as const;
export type CallSource = (typeof CALL_SOURCES)[number];

/**
 * Id spaces. Bill callbacks and GetBill share the `App.Sip_Cdr` ids; `/api/cdrs` numbers its records itself.
 */
export const VENDOR_SYSTEMS = ["sip", "cdrs"] as const;
export type VendorSystem = (typeof VENDOR_SYSTEMS)[number];

export const DIRECTIONS = ["inbound", "outbound"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Vendor call methods (`callmethod`), as documented. 0 means "unlimited/unknown" in filters and old pushes. */
export const CALL_METHODS = [
  { code: 0, label: "Unspecified" },
  { code: 1, label: "Extension to extension" },
  { code: 2, label: "Manual dial" },
  { code: 3, label: "API call" },
  { code: 4, label: "API double call" },
  { code: 5, label: "Predictive outbound" },
  { code: 6, label: "IVR / group call" },
] as const;

export const EXTENSION_STATUSES = ["ring", "answer", "hangup"] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

export type CallRecord = {
  source: CallSource;
  vendorSystem: VendorSystem;
  /** Vendor `id` within `vendorSystem`; absent on predictive-outbound callbacks. */
  vendorId: number | null;
  /** Vendor call `uuid`; absent on GetBill bills and `/api/cdrs` records. */
  uuid: string | null;
  direction: Direction | null;
  callMethod: number | null;
  startedAtMs: number;
  answeredAtMs: number | null;
  endedAtMs: number | null;
  /** `duration`: the vendor calls it "waiting time"; seconds from start to end. */
  durationSec: number | null;
  /** `billsec`: talk time in seconds. A call is answered when billSec > 0 (see isAnswered). */
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
  /** The vendor's value as text: an integer code ("10040") from callbacks and GetBill, a word ("callee") from /api/cdrs. */
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
  /** `method`: 1 extension, 2 manual, 3 interface, 4 double call, 5 predictive. */
  method: number | null;
  status: ExtensionStatus;
  eventAtMs: number;
  companyCode: string | null;
  isBLeg: boolean | null;
};

/** The one rule for "answered", used by every screen: somebody talked (billsec > 0). A present answer time does not prove it. */
export function isAnswered(call: Pick<CallRecord, "billSec">): boolean {
  return call.billSec > 0;
}

export const ANSWERED_RULE = "A call counts as answered when its talk time (billsec) is above zero.";
