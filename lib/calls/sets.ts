/**
 * Every closed set of the product, defined once: the schema (`text({ enum })`), the zod schemas, the queries and the
 * UI take them from here, and the labels (./labels.ts) are keyed by their values.
 */

/** Where a record came from. The order is fixed: it defines the bit of each source in `calls.sources`. */
export const CALL_SOURCES = ["callback", "getbill", "cdrs"] as const;
export type CallSource = (typeof CALL_SOURCES)[number];

/** Id spaces. Bill callbacks and GetBill share the `App.Sip_Cdr` ids; `/api/cdrs` numbers its records itself. */
export const VENDOR_SYSTEMS = ["sip", "cdrs"] as const;
export type VendorSystem = (typeof VENDOR_SYSTEMS)[number];

export const DIRECTIONS = ["inbound", "outbound"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Call methods by name; the values are the vendor's `callmethod` codes, which the database stores. */
export const CALL_METHOD = {
  /** "Unlimited/unknown" in filters and old pushes. */
  unspecified: 0,
  extensionToExtension: 1,
  manualDial: 2,
  api: 3,
  /** Double call: the vendor rings the agent (A side) and then the customer; /api/cdrs reports both legs. */
  apiDouble: 4,
  predictive: 5,
  ivrGroup: 6,
} as const;

/** Who ended the call: a party, the system (a timeout), or a value the documents do not explain. */
export const HANGUP_SIDES = ["caller", "callee", "system", "other"] as const;
export type HangupSide = (typeof HANGUP_SIDES)[number];

/** What an extension status callback reports. */
export const EXTENSION_STATUSES = ["ring", "answer", "hangup"] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

/** What the live board shows for an extension. "unknown": a ring/answer with no hangup for too long; "offline": not registered. */
export const LIVE_STATES = ["ringing", "talking", "idle", "unknown", "offline"] as const;
export type LiveState = (typeof LIVE_STATES)[number];

/** How a source's record found its call: it created the row, or matched by id, uuid or fingerprint. */
export const MATCH_KINDS = ["new", "id", "uuid", "fingerprint"] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** The pull APIs. */
export const SYNC_SOURCES = ["getbill", "cdrs"] as const;
export type SyncSource = (typeof SYNC_SOURCES)[number];

const CALLBACK_ENDPOINTS = ["bill", "extension-status"] as const;
export type CallbackEndpoint = (typeof CALLBACK_ENDPOINTS)[number];
/** Inbox rows come from the callback endpoints, or are pulled records that failed validation (kept for replay). */
export const INBOX_ENDPOINTS = [...CALLBACK_ENDPOINTS, ...SYNC_SOURCES] as const;
export type InboxEndpoint = (typeof INBOX_ENDPOINTS)[number];

/** received → stored | rejected (not a call) | failed (our side failed every retry). */
export const INBOX_OUTCOMES = ["received", "stored", "rejected", "failed"] as const;
export type InboxOutcome = (typeof INBOX_OUTCOMES)[number];

/** What started a sync run. */
export const SYNC_TRIGGERS = ["cli", "schedule", "manual", "test"] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

export const SYNC_OUTCOMES = ["running", "succeeded", "failed"] as const;
