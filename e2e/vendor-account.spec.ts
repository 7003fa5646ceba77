import { expect, test } from "@playwright/test";
import { signInThroughForm } from "./support/auth";

test.describe("[ACCOUNT] vendor login details", () => {
  test("settings show the company and warn that the authorization ends within 14 days", async ({ page }) => {
    // The extension poller logs in to the simulated vendor at start; its reply names the account.
    await signInThroughForm(page, "/settings");
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByText("E2E Call Center").count();
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    await expect(page.getByRole("alert").filter({ hasText: "authorization ends in" })).toContainText(/ends in (9|10) d/);
    await page.goto("/sync");
    await expect(page.getByRole("alert").filter({ hasText: "authorization ends in" })).toBeVisible();
  });
});
