import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { postBill, signInThroughForm } from "./support/auth";

// Shanghai 2026-02-10, a whole day, as the filter bar writes it.
const DAY = "/analytics?from=2026-02-09T16%3A00%3A00.000Z&to=2026-02-10T16%3A00%3A00.000Z";

const bill = (id: number, over: Record<string, unknown>) => ({
  callmethod: 3,
  starttime: "2026-02-10 10:00:00",
  answertime: "2026-02-10 10:00:09",
  endtime: "2026-02-10 10:02:14",
  duration: 134,
  billsec: 125,
  crmid: "2101",
  hangupdirection: 10041,
  chengshudu: "0",
  hangupcause: 10001,
  memberid: "0",
  disnumber: "02566823420",
  destnumber: `139111100${String(id).padStart(2, "0")}`,
  downloadip: "",
  recordfilename: "",
  companycode: 20000013,
  type: "callout",
  id: 77_000 + id,
  extnumber: "7101",
  uuid: `e2e-analytics-${id}`,
  userkey: 1,
  customuuid: `c-${id}`,
  ...over,
});

async function seed(request: Parameters<typeof postBill>[0]) {
  // Two answered (125 s and 35 s of talk, 9 s and 5 s to answer), two not (30 s and 10 s of ringing).
  await postBill(request, bill(1, {}));
  await postBill(
    request,
    bill(2, {
      starttime: "2026-02-10 11:00:00",
      answertime: "2026-02-10 11:00:05",
      endtime: "2026-02-10 11:00:40",
      duration: 40,
      billsec: 35,
      extnumber: "7102",
      crmid: "2102",
    }),
  );
  await postBill(
    request,
    bill(3, { starttime: "2026-02-10 12:00:00", answertime: "", endtime: "2026-02-10 12:00:30", duration: 30, billsec: 0, hangupcause: 10016 }),
    "form",
  );
  await postBill(
    request,
    bill(4, {
      starttime: "2026-02-10 13:00:00",
      answertime: "",
      endtime: "2026-02-10 13:00:10",
      duration: 10,
      billsec: 0,
      hangupcause: 10006,
      extnumber: "7102",
      crmid: "2102",
    }),
  );
}

const tile = (page: Page, label: string) => page.getByRole("group", { name: label, exact: true }).getByTestId("tile-value");

test.describe("[ANALYTICS] /analytics", () => {
  test.beforeAll(async ({ request }) => {
    await seed(request);
  });

  test("tiles show the period's totals, with the answered rule", async ({ page }) => {
    await signInThroughForm(page, DAY);
    await expect(page.getByTestId("analytics-range")).toContainText("2026-02-10 (Asia/Shanghai)");
    await expect(tile(page, "Calls")).toHaveText("4");
    await expect(tile(page, "Answered")).toHaveText("2");
    await expect(tile(page, "Answer rate")).toHaveText("50.0%");
    await expect(page.getByTestId("tile-answer-rate")).toContainText("talk time (billsec) is above zero");
    await expect(tile(page, "Average talk time")).toHaveText("1 m 20 s");
    await expect(tile(page, "Total talk time")).toHaveText("2 m 40 s");
    // (9 + 5 + 30 + 10) / 4 = 13.5 s
    await expect(tile(page, "Average wait")).toHaveText("14 s");

    const extensions = page.getByRole("region", { name: "Per extension" });
    await expect(extensions.getByRole("row", { name: /7101/ })).toContainText("50.0%");
    // Sorting happens in the browser: lowest answer rate first after two clicks.
    await extensions.getByRole("button", { name: /Answer rate/ }).click();
    await expect(extensions.getByRole("columnheader", { name: /Answer rate/ })).toHaveAttribute("aria-sort", "descending");
  });

  test("a hangup cause row drills into /calls filtered on it", async ({ page }) => {
    await signInThroughForm(page, DAY);
    const causes = page.getByRole("region", { name: "Hangup causes" });
    await expect(causes.getByRole("row", { name: /Normal hangup/ })).toContainText("50.0%");
    await causes.getByRole("link", { name: "No answer" }).click();
    await page.waitForURL((url) => url.pathname === "/calls" && url.searchParams.get("hangupCause") === "10016");
    expect(new URL(page.url()).searchParams.get("from")).toBe("2026-02-09T16:00:00.000Z");
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.locator("tbody tr").first()).toContainText("13911110003");
  });

  test("a click on a hangup cause bar drills into /calls too", async ({ page }) => {
    await signInThroughForm(page, DAY);
    const causes = page.getByRole("region", { name: "Hangup causes" });
    // Bars in table order: Normal hangup (2), Busy (1), No answer (1).
    const bars = causes.locator(".recharts-bar-rectangle");
    await expect(bars).toHaveCount(3);
    await bars.nth(1).click();
    await page.waitForURL((url) => url.pathname === "/calls" && url.searchParams.get("hangupCause") === "10006");
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.locator("tbody tr").first()).toContainText("13911110004");
  });

  test("a busy-hours cell opens that hour's calls", async ({ page }) => {
    await signInThroughForm(page, DAY);
    // 2026-02-10 is a Tuesday; the 12:00 call.
    await page.getByRole("link", { name: /^Tue 12:00–13:00: 1 calls/ }).click();
    await page.waitForURL((url) => url.pathname === "/calls" && url.searchParams.get("from") === "2026-02-10T04:00:00.000Z");
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.locator("tbody tr").first()).toContainText("13911110003");
  });

  test("an empty period explains what to do", async ({ page }) => {
    await signInThroughForm(page, "/analytics?from=2020-01-01T00%3A00%3A00Z&to=2020-01-02T00%3A00%3A00Z");
    await expect(tile(page, "Calls")).toHaveText("0");
    await expect(page.getByText("No calls in this period with these filters.").first()).toBeVisible();
  });

  test("axe finds no serious or critical violations", async ({ page }) => {
    await signInThroughForm(page, DAY);
    await expect(tile(page, "Calls")).toHaveText("4");
    await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
