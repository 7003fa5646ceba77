import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { generateCalls } from "../simulator/call-universe";
import { E2E } from "../playwright.config";
import { postBill, signInThroughForm } from "./support/auth";
import { sim } from "./support/sim";

/**
 * The supervisor's /calls and /calls/:id. Recordings come from the shared e2e vendor simulator (playwright.config.ts
 * allows its host in RECORDING_ALLOWED_HOSTS). Seeded calls are outbound and dated recently, with numbers of their own,
 * so that the other specs' views of the same database do not change.
 */
const simHost = new URL(E2E.simUrl).host;

/** "yyyy-mm-dd hh:mm:ss" in Beijing time (the vendor's clock), `minutesAgo` before now. */
const beijing = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000 + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
/** Most seeded calls are older than calls.spec.ts's (2026-03-14), so that its first page still shows its own. */
const START = "2026-01-10 10:00:00";
const RECENT = beijing(24 * 60);

const bill = (over: Record<string, unknown>) => ({
  callmethod: 3,
  starttime: START,
  answertime: START,
  endtime: START,
  duration: 134,
  billsec: 125,
  crmid: "2001",
  hangupdirection: 10041,
  chengshudu: "0",
  hangupcause: 10001,
  memberid: "0",
  disnumber: "02566823420",
  destnumber: "13900009999",
  downloadip: "",
  recordfilename: "",
  companycode: 20000013,
  type: "callout",
  extnumber: "7003",
  userkey: 1,
  customuuid: "c-1",
  ...over,
});

const rows = (page: Page) => page.locator("tbody tr");

test.describe("[CALLS] dashboard: filters, table, export, detail, recordings", () => {
  let recordedFile = "";

  test.beforeAll(async () => {
    // Dated 2020, far outside any sync window, so that the sync specs pulling from the same simulator never see it.
    const calls = generateCalls({ seed: 9, count: 20, fromMs: Date.UTC(2020, 0, 1), toMs: Date.UTC(2020, 0, 2), downloadIp: simHost });
    const recorded = calls.find((c) => c.recordFilename)!;
    recordedFile = recorded.recordFilename;
    await sim.addCalls([recorded]);
  });

  test("filtering through the bar updates the URL and the rows; chips remove; Back restores", async ({ page, request }) => {
    // Recent: the extension choices list what the last 90 days saw.
    const recent = { starttime: RECENT, answertime: RECENT, endtime: RECENT };
    await postBill(request, bill({ ...recent, id: 7001, uuid: "dash-7001", destnumber: "13977770001", extnumber: "7101", callmethod: 2 }));
    await postBill(
      request,
      bill({ ...recent, id: 7002, uuid: "dash-7002", destnumber: "13977770002", billsec: 0, answertime: "", hangupcause: 10016, extnumber: "7102" }),
    );
    await postBill(request, bill({ ...recent, id: 7003, uuid: "dash-7003", destnumber: "13977770003", extnumber: "7102" }));

    await signInThroughForm(page, "/calls?q=1397777");
    await expect(rows(page)).toHaveCount(3);

    await page.getByLabel("Direction").selectOption("outbound");
    await page.getByRole("button", { name: "More filters" }).click();
    await page.getByRole("button", { name: /^Call method/ }).click();
    await page.getByRole("checkbox", { name: "Manual dial" }).check();
    await page.getByRole("button", { name: "Done" }).click();
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(
      (u) => u.searchParams.get("direction") === "outbound" && u.searchParams.get("callMethod") === "2" && u.searchParams.get("q") === "1397777",
    );
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText("13977770001");
    await page.getByRole("button", { name: "Remove filter Method: Manual dial" }).click();
    await page.waitForURL((u) => !u.searchParams.has("callMethod"));
    await expect(rows(page)).toHaveCount(3);

    await page.getByLabel("Direction").selectOption("");
    await page.getByRole("button", { name: /^Extension/ }).click();
    await page.getByRole("checkbox", { name: "7102" }).check();
    await page.getByRole("button", { name: "Done" }).click();
    await page.getByLabel("Answered").selectOption("no");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((u) => u.searchParams.get("extension") === "7102" && u.searchParams.get("answered") === "no" && !u.searchParams.has("direction"));
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText("13977770002");
    await expect(rows(page).first()).toContainText("No answer (10016)");

    // More filters: hangup cause by label.
    await page.getByRole("button", { name: "More filters" }).click();
    await page.getByRole("button", { name: /^Hangup cause/ }).click();
    await page.getByRole("checkbox", { name: "No answer (10016)" }).check();
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((u) => u.searchParams.get("hangupCause") === "10016");
    await expect(page.getByRole("group", { name: "Active filters" })).toContainText("Hangup cause: No answer (10016)");

    await page.getByRole("button", { name: "Remove filter Answered: Not answered" }).click();
    await page.waitForURL((u) => !u.searchParams.has("answered") && u.searchParams.get("extension") === "7102");
    await expect(rows(page)).toHaveCount(1);

    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get("answered") === "no");
    await expect(page.getByLabel("Answered")).toHaveValue("no");

    await page.reload();
    await expect(page.getByLabel("Answered")).toHaveValue("no");
    await expect(rows(page)).toHaveCount(1);

    await page.getByRole("button", { name: "Clear all" }).click();
    await page.waitForURL((u) => u.search === "");
  });

  test("sort by talk time, page size and paging run on the server", async ({ page, request }) => {
    for (let i = 0; i < 30; i++) {
      await postBill(
        request,
        bill({
          id: 7100 + i,
          uuid: `dash-sort-${i}`,
          destnumber: `1392222${String(i).padStart(4, "0")}`,
          billsec: 10 + i * 7,
          starttime: `2026-01-09 10:${String(i).padStart(2, "0")}:00`,
        }),
      );
    }
    await signInThroughForm(page, "/calls?q=1392222");
    await expect(page.getByTestId("calls-total")).toHaveText("30");

    await page.getByRole("link", { name: /^Talk time/ }).click();
    await page.waitForURL((u) => u.searchParams.get("sort") === "billSec");
    await expect(page.getByRole("columnheader", { name: /Talk time/ })).toHaveAttribute("aria-sort", "descending");
    await expect(rows(page).first()).toContainText("0:03:33"); // 10 + 29 * 7 = 213 s
    await page.getByRole("link", { name: /^Talk time/ }).click();
    await page.waitForURL((u) => u.searchParams.get("sort") === "billSec" && u.searchParams.get("order") === "asc");
    await expect(rows(page).first()).toContainText("0:00:10");

    await page.getByLabel("Rows per page").selectOption("25");
    await page.waitForURL((u) => u.searchParams.get("pageSize") === "25");
    await expect(rows(page)).toHaveCount(25);
    await expect(page.getByText("Page 1 of 2")).toBeVisible();
    await page.getByRole("link", { name: "Next page" }).click();
    await page.waitForURL((u) => u.searchParams.get("page") === "2");
    await expect(rows(page)).toHaveCount(5);
    await expect(rows(page).last()).toContainText("0:03:33");
  });

  test("the export has as many rows as the table's total", async ({ page, request }) => {
    for (let i = 0; i < 12; i++) {
      await postBill(
        request,
        bill({ id: 7500 + i, uuid: `dash-export-${i}`, destnumber: `1396666${String(i).padStart(4, "0")}`, billsec: i % 3 === 0 ? 0 : 40 }),
      );
    }
    await signInThroughForm(page, "/calls?q=1396666&answered=yes");
    const total = Number((await page.getByTestId("calls-total").textContent())!.replace(/,/g, ""));
    expect(total).toBe(8);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("calls_all.csv");
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines.length - 1).toBe(total);
  });

  test("a row opens the call detail by keyboard; unknown calls are 404", async ({ page, request }) => {
    await postBill(request, bill({ id: 7201, uuid: "dash-7201", destnumber: "13933330001", hangupcause: 10041 }));
    await signInThroughForm(page, "/calls?q=13933330001");
    const link = rows(page).first().getByRole("link", { name: START });
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/calls\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("13933330001");
    await expect(page.getByRole("region", { name: "Details" })).toContainText("Callee hung up (10041)");
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Call started");
    await page.getByText("Raw payload").click();
    await expect(page.getByLabel("Raw payload from Bill callback")).toContainText('"destnumber": "13933330001"');

    await page.goto("/calls/987654321");
    await expect(page.getByText("This page could not be found")).toBeVisible();
  });

  test("the recording plays, seeks and downloads", async ({ page, request }) => {
    await postBill(request, bill({ id: 7301, uuid: "dash-rec", destnumber: "13944440001", recordurl: `${E2E.simUrl}/recordings/${recordedFile}` }));
    await signInThroughForm(page, "/calls?q=13944440001");
    await rows(page).first().getByRole("link").first().click();
    await page.waitForURL(/\/calls\/\d+$/);

    const audio = page.getByLabel("Call recording");
    await expect(audio).toBeVisible();
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThanOrEqual(1);
    const box = (await audio.boundingBox())!;
    await page.mouse.click(box.x + 20, box.y + box.height / 2); // the native play button
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await audio.evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThanOrEqual(2);
    // Seeking needs byte ranges end to end.
    expect(await audio.evaluate((a: HTMLAudioElement) => (a.seekable.length ? a.seekable.end(0) : 0))).toBeGreaterThan(1);
    await audio.evaluate((a: HTMLAudioElement) => {
      a.currentTime = 1.2;
    });
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThanOrEqual(1.2);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Download/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^call-\d+-.+\.wav$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 4).toString("ascii")).toBe("RIFF");
  });

  test("a file the vendor does not have is said in words instead of a broken player", async ({ page, request }) => {
    await postBill(
      request,
      bill({ id: 7302, uuid: "dash-rec-missing", destnumber: "13944440002", recordurl: `${E2E.simUrl}/recordings/20260101/missing.wav` }),
    );
    await signInThroughForm(page, "/calls?q=13944440002");
    await rows(page).first().getByRole("link").first().click();
    await expect(page.getByTestId("recording-problem")).toHaveText("Recording not available at the vendor.");
  });

  test("axe finds no serious or critical violations on /calls and /calls/:id", async ({ page, request }) => {
    test.setTimeout(90_000); // two full-page axe runs on a busy 2-core machine
    await postBill(request, bill({ id: 7401, uuid: "dash-axe", destnumber: "13955550001", callmethod: 4 }));
    await signInThroughForm(page, "/calls");
    await page.getByRole("button", { name: "More filters" }).click();
    const onList = await new AxeBuilder({ page }).analyze();
    expect(onList.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.goto("/calls?q=13955550001");
    await rows(page).first().getByRole("link").first().click();
    await page.waitForURL(/\/calls\/\d+$/);
    await page.getByText("Raw payload").click();
    const onDetail = await new AxeBuilder({ page }).analyze();
    expect(onDetail.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
