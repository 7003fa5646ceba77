import type { Direction, LiveState } from "@/lib/calls";
import { toDirection, toExtension } from "./fields";
import type { SipCallStatus } from "./getbill-client";

/**
 * `App.Sip_Status.GetSipCallStatus` codes (README "What public clients of this API show"). 1014 means the extension is
 * not registered; the others describe what it is doing.
 */
export const SIP_STATUS_CODES = [
  { code: 1201, label: "Idle" },
  { code: 1202, label: "Ringing" },
  { code: 1203, label: "Off-hook" },
  { code: 1204, label: "In a call" },
  { code: 1208, label: "Other" },
  { code: 1212, label: "Not answered" },
  { code: 1213, label: "Waiting" },
  { code: 1215, label: "Answered" },
  { code: 1216, label: "Rejected" },
  { code: 1217, label: "Paused" },
  { code: 1014, label: "Not registered" },
] as const;

export const SIP_NOT_REGISTERED = 1014;

export function sipStatusLabel(code: number): string {
  return SIP_STATUS_CODES.find((c) => c.code === code)?.label ?? `Status ${code}`;
}

/** One extension's state from a GetSipCallStatus row, in the board's terms (lib/calls LIVE_STATES). */
export type PolledExtensionState = {
  extension: string;
  state: LiveState;
  registered: boolean;
  direction: Direction | null;
  /** The other party: the caller of an inbound call, else the callee. */
  otherNumber: string | null;
  /** When the extension entered the state, from idleduration / callduration; null when the vendor does not tell. */
  sinceMs: number | null;
  /** The vendor's own word for states the board has no colour for ("Paused", "Off-hook"); null for the plain ones. */
  detail: string | null;
};

/** Vendor status code → board state (null for the "no extension" placeholder); the board shows the vendor's word (`detail`) beside the ones it has no colour for. */
export function normalizeSipCallStatus(row: SipCallStatus, nowMs: number): PolledExtensionState | null {
  const extension = toExtension(row.extension);
  if (extension === null) return null;
  const direction = toDirection(row.direction);
  const seconds = row.status === SIP_IDLE ? row.idleSec : row.callSec;
  return {
    extension,
    state: liveStateOf(row.status),
    registered: row.status !== SIP_NOT_REGISTERED,
    direction,
    otherNumber: direction === "inbound" ? row.caller : row.callee,
    sinceMs: seconds != null ? nowMs - seconds * 1000 : null,
    detail: PLAIN_CODES.includes(row.status) ? null : sipStatusLabel(row.status),
  };
}

const SIP_IDLE = 1201;
const PLAIN_CODES = [SIP_IDLE, 1202, 1204, SIP_NOT_REGISTERED];

function liveStateOf(code: number): LiveState {
  if (code === 1202 || code === 1213) return "ringing";
  if (code === 1203 || code === 1204 || code === 1215) return "talking";
  if (code === 1208) return "unknown";
  if (code === SIP_NOT_REGISTERED) return "offline";
  return "idle";
}
