import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { E2E } from "../playwright.config";
import { postBill, signInThroughForm } from "./support/auth";

test.describe("[SETTINGS] settings", () => {
  test("an edited hangup label persists across a reload and can be reset", async ({ page }) => {
    await signInThroughForm(page, "/settings");
    const input = page.getByLabel("Label for code 10016");
    await expect(input).toHaveValue("No answer");
    await input.fill("Nobody picked up");
    await expect(page.getByText("You have unsaved changes.")).toBeVisible();
    await page.getByRole("button", { name: "Save labels" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Labels saved" })).toBeVisible();

    await page.reload();
    await expect(page.getByLabel("Label for code 10016")).toHaveValue("Nobody picked up");

    await page.getByRole("button", { name: "Reset code 10016 to its default label" }).click();
    await expect(page.getByLabel("Label for code 10016")).toHaveValue("No answer");
    await page.getByRole("button", { name: "Save labels" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Labels saved" })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Label for code 10016")).toHaveValue("No answer");
  });

  test("a code the vendor list lacks can be added", async ({ page }) => {
    await signInThroughForm(page, "/settings");
    await page.getByLabel("New code").fill("10099");
    await page.getByLabel("Label", { exact: true }).fill("Carrier congestion");
    await page.getByRole("button", { name: "Add code" }).click();
    await page.getByRole("button", { name: "Save labels" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Labels saved" })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Label for code 10099")).toHaveValue("Carrier congestion");
  });

  test("the label shows on /calls for a call with that cause", async ({ page, request }) => {
    await postBill(request, {
      id: 880001,
      uuid: "e2e-settings-1",
      type: "callout",
      callmethod: 3,
      starttime: "2026-03-14 12:18:21",
      answertime: "",
      endtime: "2026-03-14 12:18:51",
      duration: 30,
      billsec: 0,
      crmid: "1",
      hangupdirection: 10041,
      hangupcause: 10006,
      chengshudu: "0",
      memberid: "0",
      disnumber: "2120280001",
      destnumber: "13988880001",
      downloadip: "",
      recordfilename: "",
      companycode: 2028,
      extnumber: "8801",
      userkey: "",
      customuuid: "",
    });
    await signInThroughForm(page, "/settings");
    await page.getByLabel("Label for code 10006").fill("Line busy (e2e)");
    await page.getByRole("button", { name: "Save labels" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Labels saved" })).toBeVisible();
    await page.goto("/calls?q=13988880001");
    await expect(page.getByRole("row").filter({ hasText: "13988880001" })).toContainText("Line busy (e2e) (10006)");
  });

  test("the API refuses a label map that is not valid, naming the field", async ({ page }) => {
    await signInThroughForm(page, "/settings");
    const res = await page.request.post("/api/settings/hangup-labels", { data: { labels: { abc: "x" } } });
    expect(res.status()).toBe(400);
    expect((await res.json()).error.message).toMatch(/labels/);
    const long = await page.request.post("/api/settings/hangup-labels", { data: { labels: { "10001": "x".repeat(81) } } });
    expect(long.status()).toBe(400);
  });

  test("callback addresses hide the token until shown, and copy the working address", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signInThroughForm(page, "/settings");
    const section = page.getByRole("region", { name: "Callback addresses" });
    const billUrl = `${E2E.baseURL}/api/callbacks/bill?token=${E2E.callbackToken}`;
    await expect(section).not.toContainText(E2E.callbackToken);
    await expect(section).toContainText(`${E2E.baseURL}/api/callbacks/extension-status?token=e2••••en`);

    await page.getByRole("button", { name: "Copy the bill push address" }).click();
    await expect(section.getByText("Copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(billUrl);

    await page.getByRole("button", { name: "Show token" }).click();
    await expect(section).toContainText(billUrl);
    await page.getByRole("button", { name: "Hide token" }).click();
    await expect(section).not.toContainText(E2E.callbackToken);
  });

  test("shows the time zones, the recording template and the vendor sources with secrets masked", async ({ page }) => {
    await signInThroughForm(page, "/settings");
    await expect(page.getByRole("region", { name: "Time zones" })).toContainText("Asia/Shanghai");
    const recordings = page.getByRole("region", { name: "Recordings" });
    await expect(recordings).toContainText("http://203.0.113.10/20260314/8001_9c568ac8-6aad-11eb.wav");
    await expect(recordings).toContainText(new URL(E2E.simUrl).host);
    // The e2e server is configured against the simulated vendor (playwright.config.ts): a login for GetBill.
    const sources = page.getByRole("region", { name: "Vendor sources" });
    await expect(sources).toContainText("Logs in with app id and access key");
    await expect(sources).toContainText("e2e-appid");
    await expect(sources).toContainText("e2••••ey");
    await expect(sources).not.toContainText("e2e-accesskey");
    await expect(sources).not.toContainText("e2e-cdrs-key");
  });

  test("has no serious or critical accessibility violations", async ({ page }) => {
    await signInThroughForm(page, "/settings");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
