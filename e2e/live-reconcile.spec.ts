import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E } from "../playwright.config";
import { signInThroughForm } from "./support/auth";
import { sim } from "./support/sim";

async function postStatus(request: APIRequestContext, event: Record<string, string>) {
  const res = await request.post(`/api/callbacks/extension-status?token=${E2E.callbackToken}`, { multipart: { detail: JSON.stringify(event) } });
  expect(res.status()).toBe(200);
}

const event = (extension: string, status: "ring" | "answer") => ({
  buuid: `b-reconcile-${extension}`,
  callee: "13955550000",
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
  uuid: `reconcile-${extension}`,
});

const vendorRow = (extnumber: string, status: number) => ({
  extnumber,
  status,
  caller: "",
  callee: "",
  disnumber: "",
  direction: "",
  channel: "",
  idleduration: 5,
  callduration: 0,
});

test.describe("[LIVE] reconciliation with the vendor's extension states", () => {
  test.afterEach(async () => {
    await sim.setSipStatuses(null);
  });

  test("a call whose hangup callback never came leaves no extension stuck after one poll", async ({ page, request }) => {
    const extension = "96001";
    await sim.setSipStatuses([vendorRow(extension, 1204)]);
    await signInThroughForm(page, "/live");
    const tile = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: new RegExp(`Extension ${extension}`) }) });

    await postStatus(request, event(extension, "ring"));
    await postStatus(request, event(extension, "answer"));
    await expect(tile).toHaveAttribute("data-state", "talking", { timeout: 3000 });

    // The hangup callback is lost; the vendor now says the extension is idle. One poll (2 s here) fixes the board.
    await sim.setSipStatuses([vendorRow(extension, 1201)]);
    await expect(tile).toHaveAttribute("data-state", "idle", { timeout: 6000 });
    await expect(tile).toContainText("Idle");
  });

  test("an extension the vendor reports as not registered shows so", async ({ page }) => {
    await sim.setSipStatuses([vendorRow("96002", 1014)]);
    await signInThroughForm(page, "/live");
    const tile = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: /Extension 96002/ }) });
    await expect(tile).toContainText(/not registered/i, { timeout: 6000 });
  });
});
