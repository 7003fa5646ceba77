import type { CallSource, Direction, HangupSide, InboxEndpoint, LiveState, MatchKind } from "./sets";
import { CALL_METHOD } from "./sets";

/**
 * Every label of a closed set, once, keyed `set.value`: the table the Chinese/English catalogs translate key for key.
 * Vendor code tables (hangup causes, SIP states) keep their own editable labels in lib/telephony and lib/settings.
 */
const LABELS = {
  "direction.inbound": "Inbound",
  "direction.outbound": "Outbound",

  "callMethod.0": "Unspecified",
  "callMethod.1": "Extension to extension",
  "callMethod.2": "Manual dial",
  "callMethod.3": "API call",
  "callMethod.4": "API double call",
  "callMethod.5": "Predictive outbound",
  "callMethod.6": "IVR / group call",

  "hangupSide.caller": "Caller hung up",
  "hangupSide.callee": "Callee hung up",
  "hangupSide.system": "Ended by the system (timeout)",
  "hangupSide.other": "Other",

  "source.callback": "Bill callback",
  "source.getbill": "GetBill pull",
  "source.cdrs": "/api/cdrs pull",

  "matchKind.new": "First record of this call: it created the row.",
  "matchKind.id": "Matched by the vendor's call id (same id space).",
  "matchKind.uuid": "Matched by the vendor's call uuid.",
  "matchKind.fingerprint":
    "Matched by fingerprint: this source shares no id or uuid with the others, so it was recognised as the same call because it has the same start time, display number and destination number, and no id that contradicts the call.",

  "liveState.ringing": "Ringing",
  "liveState.talking": "Talking",
  "liveState.idle": "Idle",
  "liveState.unknown": "Unknown",
  "liveState.offline": "Not registered",

  // Weekdays from Monday (the heatmap's rows).
  "weekday.0": "Mon",
  "weekday.1": "Tue",
  "weekday.2": "Wed",
  "weekday.3": "Thu",
  "weekday.4": "Fri",
  "weekday.5": "Sat",
  "weekday.6": "Sun",

  "inboxEndpoint.bill": "bill callback",
  "inboxEndpoint.extension-status": "extension status callback",
  "inboxEndpoint.getbill": "pulled getbill record",
  "inboxEndpoint.cdrs": "pulled cdrs record",
} as const satisfies Record<string, string>;

type LabelKey = keyof typeof LABELS;

export function directionLabel(direction: Direction | null | undefined): string {
  return direction ? LABELS[`direction.${direction}`] : "";
}

/** A documented call method by name; a code the documents do not list as "Method N". */
export function callMethodLabel(code: number | null | undefined): string {
  if (code == null) return "";
  const key = `callMethod.${code}`;
  return key in LABELS ? LABELS[key as LabelKey] : `Method ${code}`;
}

export function hangupSideLabel(side: HangupSide | null | undefined): string {
  return side ? LABELS[`hangupSide.${side}`] : "";
}

export function sourceLabel(source: CallSource): string {
  return LABELS[`source.${source}`];
}

export function matchKindLabel(kind: MatchKind): string {
  return LABELS[`matchKind.${kind}`];
}

export function liveStateLabel(state: LiveState): string {
  return LABELS[`liveState.${state}`];
}

export function inboxEndpointLabel(endpoint: InboxEndpoint): string {
  return LABELS[`inboxEndpoint.${endpoint}`];
}

/** Monday first: 0 → "Mon" … 6 → "Sun". */
export const WEEKDAY_LABELS = [0, 1, 2, 3, 4, 5, 6].map((i) => LABELS[`weekday.${i}` as LabelKey]);

/** Every documented call method with its label, in code order: the filter's choices. */
export const CALL_METHOD_OPTIONS = Object.values(CALL_METHOD).map((code) => ({ code, label: callMethodLabel(code) }));
