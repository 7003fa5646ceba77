// tsx scripts/screenshots.ts BASE_URL EMAIL PASSWORD OUT_DIR [paths…] – full-page PNGs of pages, signed in
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const [baseUrl = "http://localhost:3000", email = "admin@example.com", password = "demo-password", outDir = ".tmp/shots", ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : ["/login", "/calls"];

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});
mkdirSync(outDir, { recursive: true });
for (const viewport of [
  { width: 1440, height: 900, name: "laptop" },
  { width: 820, height: 1180, name: "tablet" },
]) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  if (pages.includes("/login")) await page.screenshot({ path: path.join(outDir, `${viewport.name}-login.png`) });
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname !== "/login");
  for (const p of pages.filter((x) => x !== "/login")) {
    await page.goto(`${baseUrl}${p}`);
    // Live pages poll for ever, so "network idle" never comes: wait for the load, then let data and charts settle.
    await page.waitForLoadState("load");
    await page.waitForTimeout(1500);
    const file = path.join(outDir, `${viewport.name}-${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "root"}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await context.close();
}
await browser.close();
