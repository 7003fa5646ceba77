import type { SimCall } from "@/simulator/call-universe";
import { toBillCallback, toPredictiveCallback } from "@/simulator/payloads";
import { TEST_TOKEN } from "./app-server";

export type BlastResult = { sent: number; byStatus: Record<string, number>; errors: string[] };

/** A call's bill callback as the vendor sends it: the JSON of its edition, or form-data `detail` (predictive). */
export function billBody(call: SimCall, encoding: "json" | "form" | "native" = "native"): { body: BodyInit; headers?: Record<string, string> } {
  const payload = call.callbackEdition === "predictive" ? toPredictiveCallback(call) : toBillCallback(call, call.callbackEdition);
  const asForm = encoding === "form" || (encoding === "native" && call.callbackEdition === "predictive");
  if (!asForm) return { body: JSON.stringify(payload), headers: { "content-type": "application/json" } };
  const form = new FormData();
  form.set("detail", JSON.stringify(payload));
  return { body: form };
}

/**
 * Posts each call's bill callback once (no retries: every answer counts), `concurrency` requests at a time, and
 * tallies the statuses. A request that fails at the network level is counted under "network".
 */
export async function blastBills(
  baseUrl: string,
  calls: readonly SimCall[],
  options: { concurrency: number; encoding?: "json" | "form" | "native" },
): Promise<BlastResult> {
  const url = `${baseUrl}/api/callbacks/bill?token=${TEST_TOKEN}`;
  const result: BlastResult = { sent: 0, byStatus: {}, errors: [] };
  let next = 0;
  const worker = async () => {
    while (next < calls.length) {
      const call = calls[next++]!;
      const { body, headers } = billBody(call, options.encoding);
      let key: string;
      try {
        const res = await fetch(url, { method: "POST", body, headers, signal: AbortSignal.timeout(60_000) });
        key = String(res.status);
        if (!res.ok && result.errors.length < 5) result.errors.push(`${res.status} ${(await res.text()).slice(0, 200)}`);
        else await res.arrayBuffer();
      } catch (err) {
        key = "network";
        if (result.errors.length < 5) result.errors.push(err instanceof Error ? err.message : String(err));
      }
      result.sent++;
      result.byStatus[key] = (result.byStatus[key] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return result;
}
