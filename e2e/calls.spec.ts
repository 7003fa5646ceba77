import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { postBill, signInThroughForm } from "./support/auth";

const bill = (over: Record<string, unknown>) => ({
  callmethod: 3,
  starttime: "2026-03-14 12:18:21",
  answertime: "2026-03-14 12:18:30",
  endtime: "2026-03-14 12:20:35",
  duration: 134,
  billsec: 125,
  crmid: "2001",
  hangupdirection: 10041,
  chengshudu: "0",
  hangupcause: 10001,
  memberid: "0",
  disnumber: "02566823420",
  destnumber: "13900001111",
  downloadip: "",
  recordfilename: "",
  companycode: 20000013,
  type: "callout",
  id: 4242,
  extnumber: "7003",
  uuid: "e2e-uuid-4242",
  userkey: 1,
  customuuid: "c-1",
  ...over,
});

test.describe("[CALLS] bills table", () => {
  test("a page without a session redirects to the login", async ({ page }) => {
    await page.goto("/calls?direction=inbound");
    await expect(page).toHaveURL(/\/login\?next=%2Fcalls%3Fdirection%3Dinbound/);
    await expect(page.getByRole("heading", { name: /sign in/i })).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });

  test("a posted callback appears in /calls, in the display zone, and filters work through the URL", async ({ page, request }) => {
    await postBill(request, bill({}));
    await postBill(
      request,
      bill({ id: 4243, uuid: "e2e-uuid-4243", type: "callin", destnumber: "13900002222", billsec: 0, answertime: "", hangupcause: 10016 }),
      "form",
    );

    // Other specs share the database: scope the view to this test's numbers (1390000xxxx).
    await signInThroughForm(page, "/calls?q=1390000");
    const rows = page.locator("tbody tr");
    await expect(page.getByRole("row").filter({ hasText: "13900001111" })).toContainText("2026-03-14 12:18:21");
    await expect(page.getByRole("row").filter({ hasText: "13900001111" })).toContainText("0:02:05");
    await expect(page.getByRole("row").filter({ hasText: "13900002222" })).toContainText("Not answered");

    await page.getByLabel("Direction").selectOption("inbound");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.searchParams.get("direction") === "inbound" && url.searchParams.get("q") === "1390000");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("13900002222");

    await page.getByLabel("Direction").selectOption("");
    await page.getByLabel("Number").fill("13900001111");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "13900001111" && !url.searchParams.has("direction"));
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("13900001111");

    await page.goBack();
    await expect(page).toHaveURL(/direction=inbound/);
    await expect(rows.first()).toContainText("13900002222");
  });

  test("a retried callback stays one row", async ({ page, request }) => {
    for (let i = 0; i < 3; i++) await postBill(request, bill({ id: 5151, uuid: "e2e-5151", destnumber: "13900005151" }), i % 2 ? "form" : "json");
    await signInThroughForm(page, "/calls?q=13900005151");
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.getByTestId("calls-total")).toHaveText("1");
  });
});
