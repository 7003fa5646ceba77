import { E2E } from "../../playwright.config";
import type { SimCall } from "@/simulator/call-universe";
import type { Faults, SipStatusRow } from "@/simulator/pull-server";

/** Drives the e2e vendor simulator (e2e/support/sim-server.ts) through its control port. */
export const sim = {
  addCalls: (calls: SimCall[]) => control("/calls", calls),
  setFaults: (faults: Faults) => control("/faults", faults),
  setSipStatuses: (rows: SipStatusRow[] | null) => control("/sip-statuses", rows),
  revokeTokens: () => control("/revoke-tokens", null),
};

async function control(path: string, body: unknown) {
  const res = await fetch(`${E2E.simControlUrl}${path}`, { method: "POST", body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`simulator control ${path}: ${res.status}`);
  return res.json();
}
