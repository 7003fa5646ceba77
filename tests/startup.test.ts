import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signIn, startAppServer } from "./support/app-server";

describe("server start", () => {
  it("refuses to start on bad configuration, naming the variable", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "calls-bad-env-"));
    const run = spawnSync(path.join(process.cwd(), "node_modules/.bin/next"), ["start", "-p", "0"], {
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${dir}/c.db`, CALLBACK_TOKEN: "", VENDOR_TZ: "Nowhere/Town" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toContain("CALLBACK_TOKEN");
    expect(run.stderr + run.stdout).toContain("VENDOR_TZ");
  });

  it("migrates a new database, keeps a generated auth secret, and sessions survive a restart", async () => {
    const first = await startAppServer({ BETTER_AUTH_SECRET: "" });
    try {
      const cookie = await signIn(first.url);
      const secretFile = path.join(first.dir, ".auth-secret");
      expect(readFileSync(secretFile, "utf8").trim().length).toBeGreaterThanOrEqual(32);
      // Same database and secret file, new process.
      const port = Number(first.env.PORT);
      await first.stopProcessOnly();
      const second = spawn(path.join(process.cwd(), "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
        env: { ...process.env, NODE_ENV: "production", ...first.env, BETTER_AUTH_SECRET: "" },
        stdio: "ignore",
      });
      try {
        let status = 0;
        for (let i = 0; i < 200 && status !== 200; i++) {
          await new Promise((r) => setTimeout(r, 150));
          status = await fetch(`${first.url}/api/calls`, { headers: { cookie } }).then(
            (r) => r.status,
            () => 0,
          );
        }
        expect(status).toBe(200);
      } finally {
        second.kill("SIGTERM");
      }
    } finally {
      await first.stop();
    }
  });
});
