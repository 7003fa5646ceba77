import { expect, test } from "@playwright/test";
import { generateCalls } from "@/simulator/call-universe";
import { postBill, signInThroughForm } from "./support/auth";
import { sim } from "./support/sim";

// The e2e app logs in to the simulated vendor (GETBILL_APPID/ACCESSKEY), so a bill without `recordurl` gets its
// recording address from App.Sip_Cdr.GetRecodeFile. Its downloadip is a loopback port that is not allowed: had the
// app used the URL template instead, the guard would refuse it and nothing would play.
const bill = (id: number, dest: string, recordfilename: string) => ({
  id,
  uuid: `vendor-api-rec-${id}`,
  callmethod: 3,
  type: "callout",
  starttime: "2026-02-02 10:00:00",
  answertime: "2026-02-02 10:00:05",
  endtime: "2026-02-02 10:01:05",
  duration: 65,
  billsec: 60,
  crmid: "1001",
  extnumber: "8001",
  disnumber: "02566823420",
  destnumber: dest,
  hangupcause: 10001,
  hangupdirection: 10041,
  downloadip: "127.0.0.1:9",
  recordfilename,
});

test.describe("[RECORDINGS] addresses from the vendor's GetRecodeFile", () => {
  test("a recording resolved by GetRecodeFile plays in the browser", async ({ page, request }) => {
    const call = generateCalls({ seed: 77, count: 30, fromMs: Date.UTC(2019, 0, 1), toMs: Date.UTC(2019, 0, 2) }).find((c) => c.recordFilename)!;
    await sim.addCalls([call]);
    await postBill(request, bill(8801, "13966660001", call.recordFilename));
    await signInThroughForm(page, "/calls?q=13966660001");
    await page.locator("tbody tr").first().getByRole("link").first().click();
    const audio = page.getByLabel("Call recording");
    await expect(audio).toBeVisible();
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const box = (await audio.boundingBox())!;
    await page.mouse.click(box.x + 20, box.y + box.height / 2);
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  test("a file GetRecodeFile does not know reads as not available at the vendor", async ({ page, request }) => {
    await postBill(request, bill(8802, "13966660002", "20190101/unknown-file.wav"));
    await signInThroughForm(page, "/calls?q=13966660002");
    await page.locator("tbody tr").first().getByRole("link").first().click();
    await expect(page.getByTestId("recording-problem")).toHaveText("Recording not available at the vendor.");
  });
});
