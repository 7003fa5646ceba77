import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? ".tmp/e2e";
const baseURL = `http://127.0.0.1:${port}`;

export const E2E = {
  baseURL,
  callbackToken: "e2e-callback-token",
  admin: { email: "supervisor@example.com", password: "e2e-password-123" },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    trace: "on-first-retry",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    // The production build with a fresh database for each run.
    command: `rm -rf ${dataDir} && mkdir -p ${dataDir} && exec node_modules/.bin/next start -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NODE_ENV: "production",
      DATABASE_URL: `file:./${dataDir}/calls.db`,
      CALLBACK_TOKEN: E2E.callbackToken,
      ADMIN_EMAIL: E2E.admin.email,
      ADMIN_PASSWORD: E2E.admin.password,
      BETTER_AUTH_URL: baseURL,
      VENDOR_TZ: "Asia/Shanghai",
      PORT: String(port),
    },
  },
});
