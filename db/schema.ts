import { sql } from "drizzle-orm";
import { blob, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
// Relative, not "@/": drizzle-kit loads this file without the app's path aliases.
import {
  CALL_SOURCES,
  DIRECTIONS,
  EXTENSION_STATUSES,
  HANGUP_SIDES,
  INBOX_ENDPOINTS,
  INBOX_OUTCOMES,
  LIVE_STATES,
  MATCH_KINDS,
  SYNC_OUTCOMES,
  SYNC_SOURCES,
  SYNC_TRIGGERS,
  VENDOR_SYSTEMS,
} from "../lib/calls/sets";
import { rollupTable } from "./rollups";

/**
 * One row per call, whatever the sources it was seen from. Instants are UTC epoch ms, durations seconds.
 * Identity lives in call_keys (vendor id per id space, uuid); this row keeps the ids for display.
 */
export const calls = sqliteTable(
  "calls",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    vendorSystem: text("vendor_system", { enum: VENDOR_SYSTEMS }),
    vendorId: integer("vendor_id"),
    cdrsId: integer("cdrs_id"),
    uuid: text("uuid"),
    direction: text("direction", { enum: DIRECTIONS }),
    callMethod: integer("call_method"),
    startedAtMs: integer("started_at_ms").notNull(),
    answeredAtMs: integer("answered_at_ms"),
    endedAtMs: integer("ended_at_ms"),
    durationSec: integer("duration_sec"),
    billSec: integer("bill_sec").notNull().default(0),
    /** 1 when bill_sec > 0: the one "answered" rule, stored so that counts use an index. */
    answered: integer("answered").notNull().default(0),
    extension: text("extension"),
    agent: text("agent"),
    displayNumber: text("display_number"),
    destNumber: text("dest_number"),
    memberId: text("member_id"),
    customerId: text("customer_id"),
    chengshudu: text("chengshudu"),
    userKey: text("user_key"),
    companyCode: text("company_code"),
    taskId: text("task_id"),
    round: integer("round"),
    hangupCause: integer("hangup_cause"),
    /** Who ended the call (lib/calls HANGUP_SIDES); hangup_direction keeps the vendor's own value as evidence. */
    hangupSide: text("hangup_side", { enum: HANGUP_SIDES }),
    hangupDirection: text("hangup_direction"),
    downloadIp: text("download_ip"),
    recordFilename: text("record_filename"),
    recordUrl: text("record_url"),
    aNumber: text("a_number"),
    aStartedAtMs: integer("a_started_at_ms"),
    aAnsweredAtMs: integer("a_answered_at_ms"),
    aEndedAtMs: integer("a_ended_at_ms"),
    aDurationSec: integer("a_duration_sec"),
    aBillSec: integer("a_bill_sec"),
    clientIp: text("client_ip"),
    /**
     * start ms + display + destination number: what a uuid-only predictive callback, an id-only GetBill bill and a
     * /api/cdrs record of one call have in common (they share no id). Used to match, never alone to split.
     */
    fingerprint: text("fingerprint"),
    /** Bit set of CALL_SOURCES (callback = 1, getbill = 2, cdrs = 4). */
    sources: integer("sources").notNull().default(0),
    firstSeenAtMs: integer("first_seen_at_ms").notNull(),
    lastSeenAtMs: integer("last_seen_at_ms").notNull(),
  },
  (t) => [
    index("calls_started_idx").on(t.startedAtMs, t.id),
    index("calls_ext_started_idx").on(t.extension, t.startedAtMs),
    index("calls_agent_started_idx").on(t.agent, t.startedAtMs),
    index("calls_cause_started_idx").on(t.hangupCause, t.startedAtMs),
    index("calls_dest_idx").on(t.destNumber),
    index("calls_display_idx").on(t.displayNumber),
    index("calls_uuid_idx").on(t.uuid),
    index("calls_fingerprint_idx").on(t.fingerprint),
    // Sorting a long range by talk time or wait: walk these from the top and keep rows inside the range.
    index("calls_billsec_started_idx").on(t.billSec, t.startedAtMs),
    index("calls_duration_started_idx").on(t.durationSec, t.startedAtMs),
  ],
);

/** Every identity a call is known by: `sip:<id>`, `cdrs:<id>`, `uuid:<uuid>`. One key belongs to one call. */
export const callKeys = sqliteTable(
  "call_keys",
  {
    key: text("key").primaryKey(),
    callId: integer("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
  },
  (t) => [index("call_keys_call_idx").on(t.callId)],
);

/** The latest raw payload of a call per source, so the call detail can show what each source said. */
export const callPayloads = sqliteTable(
  "call_payloads",
  {
    callId: integer("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    source: text("source", { enum: CALL_SOURCES }).notNull(),
    payload: text("payload").notNull(),
    inboxId: integer("inbox_id"),
    /** How this source's record found the call: "new", "id", "uuid" or "fingerprint". */
    matchedBy: text("matched_by", { enum: MATCH_KINDS }),
    receivedAtMs: integer("received_at_ms").notNull(),
  },
  (t) => [uniqueIndex("call_payloads_call_source_idx").on(t.callId, t.source)],
);

/** Extension status callbacks (ring / answer / hangup). */
export const extensionEvents = sqliteTable(
  "extension_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    uuid: text("uuid").notNull(),
    buuid: text("buuid"),
    extension: text("extension"),
    caller: text("caller"),
    callee: text("callee"),
    displayNumber: text("display_number"),
    direction: text("direction", { enum: DIRECTIONS }),
    method: integer("method"),
    status: text("status", { enum: EXTENSION_STATUSES }).notNull(),
    eventAtMs: integer("event_at_ms").notNull(),
    companyCode: text("company_code"),
    isBLeg: integer("is_b_leg", { mode: "boolean" }),
    inboxId: integer("inbox_id"),
    receivedAtMs: integer("received_at_ms").notNull(),
  },
  (t) => [
    // A vendor retry of the same event is the same row.
    uniqueIndex("extension_events_identity_idx").on(t.uuid, t.status, t.extension),
    index("extension_events_ext_time_idx").on(t.extension, t.eventAtMs),
    index("extension_events_time_idx").on(t.eventAtMs),
  ],
);

/** Every callback body, verbatim, stored before it is parsed. */
export const inbox = sqliteTable(
  "inbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    receivedAtMs: integer("received_at_ms").notNull(),
    /** Callback endpoint, or the pull API of a pulled record that failed validation. */
    endpoint: text("endpoint", { enum: INBOX_ENDPOINTS }).notNull(),
    contentType: text("content_type"),
    remoteAddr: text("remote_addr"),
    body: blob("body", { mode: "buffer" }).notNull(),
    /**
     * received → stored | rejected (the payload is not a call: the vendor's side). A row left received (a crash or
     * an error on our side between storing and parsing) is processed again in the background until it is stored or
     * rejected, or marked failed after INBOX_RETRY.maxAttempts; failed rows can be replayed by hand.
     */
    outcome: text("outcome", { enum: INBOX_OUTCOMES }).notNull().default("received"),
    errorField: text("error_field"),
    errorText: text("error_text"),
    callId: integer("call_id"),
    eventId: integer("event_id"),
    attempts: integer("attempts").notNull().default(1),
    /** When the background retry may take a row left received again (backoff after a failed attempt). */
    nextAttemptAtMs: integer("next_attempt_at_ms"),
    processedAtMs: integer("processed_at_ms"),
  },
  (t) => [index("inbox_outcome_idx").on(t.outcome, t.receivedAtMs), index("inbox_received_idx").on(t.receivedAtMs)],
);

// better-auth tables (its Drizzle adapter's SQLite shape; generated once and kept here with the migrations).

export const user = sqliteTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  role: text("role").notNull().default("supervisor"),
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});

export const session = sqliteTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

export const account = sqliteTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp_ms" }),
    refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp_ms" }),
    scope: text("scope"),
    password: text("password"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("account_user_idx").on(t.userId)],
);

export const verification = sqliteTable(
  "verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("verification_identifier_idx").on(t.identifier)],
);

export type CallRow = typeof calls.$inferSelect;
export type NewCallRow = typeof calls.$inferInsert;
export type InboxRow = typeof inbox.$inferSelect;
export type ExtensionEventRow = typeof extensionEvents.$inferSelect;

// Pull sync (lib/sync): runs, windows, checkpoints, the lease that keeps one sync at a time, cached vendor tokens.

/** One sync run of one source: what it covered, what it did, how it ended. */
export const syncRuns = sqliteTable(
  "sync_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    source: text("source", { enum: SYNC_SOURCES }).notNull(),
    trigger: text("trigger", { enum: SYNC_TRIGGERS }).notNull(),
    fromMs: integer("from_ms").notNull(),
    toMs: integer("to_ms").notNull(),
    startedAtMs: integer("started_at_ms").notNull(),
    finishedAtMs: integer("finished_at_ms"),
    windows: integer("windows").notNull().default(0),
    pages: integer("pages").notNull().default(0),
    records: integer("records").notNull().default(0),
    recordsNew: integer("records_new").notNull().default(0),
    recordsUpdated: integer("records_updated").notNull().default(0),
    recordsRejected: integer("records_rejected").notNull().default(0),
    retries: integer("retries").notNull().default(0),
    outcome: text("outcome", { enum: SYNC_OUTCOMES }).notNull().default("running"),
    errorCode: text("error_code"),
    errorText: text("error_text"),
  },
  (t) => [index("sync_runs_source_started_idx").on(t.source, t.startedAtMs)],
);

/** A time window of a source is done once every page of it is stored. */
export const syncWindows = sqliteTable(
  "sync_windows",
  {
    source: text("source", { enum: SYNC_SOURCES }).notNull(),
    fromMs: integer("from_ms").notNull(),
    toMs: integer("to_ms").notNull(),
    records: integer("records").notNull().default(0),
    pages: integer("pages").notNull().default(0),
    doneAtMs: integer("done_at_ms").notNull(),
    runId: integer("run_id"),
  },
  (t) => [uniqueIndex("sync_windows_source_from_idx").on(t.source, t.fromMs)],
);

/** Per source: every window before `doneUntilMs` is stored; the next run starts there. */
export const syncCheckpoints = sqliteTable("sync_checkpoints", {
  source: text("source", { enum: SYNC_SOURCES }).primaryKey(),
  doneUntilMs: integer("done_until_ms").notNull(),
  lastSuccessAtMs: integer("last_success_at_ms"),
  updatedAtMs: integer("updated_at_ms").notNull(),
});

/** A named lease: one holder at a time across every process on this database, until it expires. */
export const leases = sqliteTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAtMs: integer("expires_at_ms").notNull(),
});

/** Vendor login tokens shared by every app process (so that they do not each log in). */
export const vendorTokens = sqliteTable("vendor_tokens", {
  name: text("name").primaryKey(),
  token: text("token").notNull(),
  obtainedAtMs: integer("obtained_at_ms").notNull(),
  expiresAtMs: integer("expires_at_ms"),
  info: text("info"),
});

/** Editable settings (hangup labels, recording URL template), JSON values by key. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAtMs: integer("updated_at_ms").notNull(),
});

/** The vendor's last answer to GetSipCallStatus per extension: what reconciles a live board that missed callbacks. */
export const extensionPolls = sqliteTable("extension_polls", {
  extension: text("extension").primaryKey(),
  /** The vendor's GetSipCallStatus code, kept as evidence; `state` and `detail` are what it means. */
  statusCode: integer("status_code").notNull(),
  state: text("state", { enum: LIVE_STATES }).notNull().default("unknown"),
  detail: text("detail"),
  registered: integer("registered", { mode: "boolean" }).notNull(),
  direction: text("direction", { enum: DIRECTIONS }),
  otherNumber: text("other_number"),
  /** When the extension entered its state, from idleduration/callduration; null when the vendor does not tell. */
  sinceMs: integer("since_ms"),
  polledAtMs: integer("polled_at_ms").notNull(),
});

// Rollups of calls, one row per UTC hour or day and combination of the table's dimensions (NULL dimensions stored as
// '' or -1 so that the unique key matches them): described once in db/rollups.ts.
export const callsHourlyTotals = rollupTable("calls_hourly_totals");
export const callsHourlyCore = rollupTable("calls_hourly_core");
export const callsHourlyExtTotals = rollupTable("calls_hourly_ext_totals");
export const callsHourlyExt = rollupTable("calls_hourly_ext");
export const callsHourlyAgentTotals = rollupTable("calls_hourly_agent_totals");
export const callsHourlyAgent = rollupTable("calls_hourly_agent");
export const callsDailyCore = rollupTable("calls_daily_core");
export const callsDailyExtTotals = rollupTable("calls_daily_ext_totals");
export const callsDailyExt = rollupTable("calls_daily_ext");
export const callsDailyAgentTotals = rollupTable("calls_daily_agent_totals");
export const callsDailyAgent = rollupTable("calls_daily_agent");
