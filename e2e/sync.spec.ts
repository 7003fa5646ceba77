import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { generateCalls } from "@/simulator/call-universe";
import { postBill, signInThroughForm } from "./support/auth";
import { sim } from "./support/sim";

test.describe.configure({ mode: "serial" });

test.describe("[SYNC] sync health", () => {
  test.afterEach(async () => {
    await sim.setFaults({});
  });

  test("Sync now pulls the vendor's bills and the page shows the run", async ({ page }) => {
    const now = Date.now();
    const calls = generateCalls({ seed: 41, count: 120, fromMs: now - 2 * 3600_000, toMs: now - 120_000 });
    await sim.addCalls(calls);
    await signInThroughForm(page, "/sync");
    await page.getByRole("button", { name: "Sync now" }).click();
    const runs = page.getByRole("region", { name: "Recent runs" });
    await expect(runs.getByText("Succeeded")).toHaveCount(2, { timeout: 20_000 });
    await expect(page.getByRole("article", { name: /GetBill/ })).toContainText("Last success");
    await page.goto(`/calls?q=${calls[0]!.customerNumber}`);
    await expect(page.locator("tbody tr").first()).toContainText(calls[0]!.customerNumber);
  });

  test("a wrong access key and an expired authorization read as sentences an operator can act on", async ({ page }) => {
    await sim.setFaults({ cdrs: { kind: "code1000", code: 1005 }, login: { kind: "ret", ret: 602 } });
    await sim.revokeTokens();
    await signInThroughForm(page, "/sync");
    await page.getByRole("button", { name: "Sync now" }).click();
    const cdrs = page.getByRole("article", { name: /api\/cdrs/ });
    await expect(cdrs.getByRole("alert")).toContainText("Check CDRS_USERNAME (or CDRS_IP), CDRS_APPID and CDRS_ACCESSKEY", { timeout: 20_000 });
    const getbill = page.getByRole("article", { name: /GetBill/ });
    await expect(getbill.getByRole("alert")).toContainText("Ask the vendor to renew the authorization of the appid");
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });

  test("a payload that failed validation is listed with its reason and can be replayed", async ({ page, request }) => {
    const res = await request.post(`/api/callbacks/bill?token=e2e-callback-token`, { data: { id: 31337, starttime: "2026-11-28 10:00:00", billsec: "lots" } });
    expect(res.status()).toBe(400);
    await signInThroughForm(page, "/sync");
    const item = page.getByRole("listitem").filter({ hasText: "billsec" }).first();
    await expect(item).toContainText("bill callback");
    await item.getByRole("button", { name: /Replay/ }).click();
    await expect(item.getByRole("status")).toContainText("billsec");
    await postBill(request, { id: 31338, starttime: "2026-11-28 10:00:00", billsec: 3, type: "callin", disnumber: "1", destnumber: "2" });
  });
});
