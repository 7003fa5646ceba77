import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? ".tmp/e2e";
const baseURL = `http://127.0.0.1:${port}`;

const simPort = port + 5;
const simControlPort = port + 6;

export const E2E = {
  baseURL,
  simUrl: `http://127.0.0.1:${simPort}`,
  simControlUrl: `http://127.0.0.1:${simControlPort}`,
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
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      command: `exec node_modules/.bin/tsx e2e/support/sim-server.ts --port ${simPort} --control ${simControlPort}`,
      url: `http://127.0.0.1:${simControlPort}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The production build with a fresh database for each run, pointed at the simulated vendor.
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
        GETBILL_URL: `http://127.0.0.1:${simPort}/`,
        GETBILL_APPID: "e2e-appid",
        GETBILL_ACCESSKEY: "e2e-accesskey",
        CDRS_URL: `http://127.0.0.1:${simPort}/api/cdrs`,
        CDRS_APPID: "e2e-cdrs-appid",
        CDRS_ACCESSKEY: "e2e-cdrs-key",
        CDRS_USERNAME: "e2e",
        // Every spec signs in through the form; the suite signs in more often than a person may.
        AUTH_SIGNIN_LIMIT_PER_MINUTE: "1000",
        SYNC_INTERVAL_SECONDS: "0",
        EXTENSION_POLL_SECONDS: "2",
        RECORDING_ALLOWED_HOSTS: `127.0.0.1:${simPort}`,
      },
    },
  ],
});
