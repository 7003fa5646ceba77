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
