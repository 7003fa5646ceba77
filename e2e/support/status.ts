import type { APIRequestContext } from "@playwright/test";
import { E2E } from "../../playwright.config";

/** An extension status callback as the vendor sends it: form-data field `detail` holding JSON (predictive-outbound-callbacks.md). */
export async function postStatus(request: APIRequestContext, event: Record<string, string>) {
  const res = await request.post(`/api/callbacks/extension-status?token=${E2E.callbackToken}`, { multipart: { detail: JSON.stringify(event) } });
  if (res.status() !== 200) throw new Error(`status callback answered ${res.status()}: ${await res.text()}`);
}

/** The events of one outbound call of `extension` to `callee`, stamped now. */
export const statusEvent = (extension: string, callee: string, uuid: string) => (status: "ring" | "answer" | "hangup") => ({
  buuid: `b-${uuid}`,
  callee,
  caller: extension,
  companycode: "2028",
  direction: "callout",
  disnumber: "2120280001",
  extnumber: extension,
  isbleg: "true",
  method: "2",
  starttime: String(Math.floor(Date.now() / 1000)),
  status,
  type: "call",
  uuid,
});
