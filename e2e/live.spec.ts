import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { postBill, signInThroughForm } from "./support/auth";
import { postStatus, statusEvent } from "./support/status";

test.describe("[LIVE] wallboard", () => {
  test("a new extension rings, talks and hangs up on the board without a reload", async ({ page, request }) => {
    const extension = "97001";
    const callee = "13912340001";
    const event = statusEvent(extension, callee, "e2e-live-1");
    await signInThroughForm(page, "/live");
    await expect(page.getByRole("heading", { name: "Live", level: 1 })).toBeVisible();
    // Marks this document: a reload or navigation would drop it.
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    const tile = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: new RegExp(`Extension ${extension}`) }) });
    await expect(tile).toHaveCount(0);

    await postStatus(request, event("ring"));
    await expect(tile).toContainText("Ringing", { timeout: 2000 });
    await expect(tile).toContainText(callee);
    await expect(tile).toHaveAttribute("data-state", "ringing");

    // Time in state ticks between polls.
    const timer = tile.getByText(/^\d+:\d{2}/);
    const first = await timer.textContent();
    await expect.poll(() => timer.textContent(), { timeout: 3000 }).not.toBe(first);

    await postStatus(request, event("answer"));
    await expect(tile).toContainText("Talking", { timeout: 2000 });
    await expect(tile).toContainText(callee);

    await postStatus(request, event("hangup"));
    await expect(tile).toContainText("Idle", { timeout: 2000 });
    await expect(tile).not.toContainText(callee);

    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  test("today's counters and the latest calls follow the bills", async ({ page, request }) => {
    await signInThroughForm(page, "/live");
    const calls = page.getByRole("region", { name: "Latest calls" });
    const now = new Date();
    // The bill's wall-clock time in the vendor zone (Asia/Shanghai, the e2e server's VENDOR_TZ).
    const beijing = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
    await postBill(request, {
      id: 970001,
      uuid: "e2e-live-bill-1",
      type: "callout",
      callmethod: 2,
      starttime: beijing,
      answertime: beijing,
      endtime: beijing,
      duration: 65,
      billsec: 61,
      crmid: "1",
      hangupdirection: 10041,
      hangupcause: 10001,
      chengshudu: "0",
      memberid: "0",
      disnumber: "2120280001",
      destnumber: "13912349999",
      downloadip: "",
      recordfilename: "",
      companycode: 2028,
      extnumber: "97002",
      userkey: "",
      customuuid: "",
    });
    await expect(calls.getByRole("row").filter({ hasText: "13912349999" })).toContainText("0:01:01", { timeout: 2000 });
    await expect(page.getByRole("region", { name: "Today" })).toContainText("Calls today");
    // Known from a call only: on the board, idle.
    await expect(page.getByRole("link", { name: /Extension 97002/ })).toContainText("Idle");
  });

  test("has no serious or critical accessibility violations", async ({ page, request }) => {
    const event = statusEvent("97003", "13912340003", "e2e-live-axe");
    await postStatus(request, event("ring"));
    await signInThroughForm(page, "/live");
    await expect(page.getByRole("link", { name: /Extension 97003/ })).toContainText("Ringing");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
