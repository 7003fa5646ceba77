import type { APIRequestContext, Page } from "@playwright/test";
import { E2E } from "../../playwright.config";

/** Signs in through the login form, as a supervisor would. */
export async function signInThroughForm(page: Page, next = "/calls") {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(E2E.admin.email);
  await page.getByLabel("Password").fill(E2E.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === next.split("?")[0]);
}

/** Posts a bill callback the way the vendor does (JSON, or form-data `detail`). */
export async function postBill(request: APIRequestContext, bill: Record<string, unknown>, as: "json" | "form" = "json") {
  const url = `/api/callbacks/bill?token=${E2E.callbackToken}`;
  const res = as === "json" ? await request.post(url, { data: bill }) : await request.post(url, { multipart: { detail: JSON.stringify(bill) } });
  if (res.status() !== 200) throw new Error(`callback answered ${res.status()}: ${await res.text()}`);
}
