import { expect, test } from "@playwright/test";
import { signInThroughForm } from "./support/auth";
import { sim } from "./support/sim";
import { postStatus, statusEvent } from "./support/status";

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

    const event = statusEvent(extension, "13955550000", `reconcile-${extension}`);
    await postStatus(request, event("ring"));
    await postStatus(request, event("answer"));
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
