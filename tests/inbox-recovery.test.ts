import { execFile } from "node:child_process";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startAppServer, type AppServer } from "./support/app-server";

const run = promisify(execFile);
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer({ INBOX_RETRY_GRACE_SECONDS: "1", SYNC_INTERVAL_SECONDS: "0", EXTENSION_POLL_SECONDS: "0" });
});
afterAll(() => app?.stop());

describe("a callback stored by a process that died before parsing it", () => {
  it("is processed by the running server on its own: the call arrives and the inbox row is stored", async () => {
    const dying = await run(process.execPath, [
      "--import",
      "tsx",
      "tests/support/store-then-die.ts",
      app.databasePath,
      "lib/telephony/fixtures/bill-callback.json",
    ]).then(
      () => ({ signal: null as string | null, stdout: "" }),
      (err: { signal: string | null; stdout: string }) => err,
    );
    expect(dying.signal).toBe("SIGKILL");
    const inboxId = Number(/stored inbox (\d+)/.exec(dying.stdout)?.[1]);
    expect(inboxId).toBeGreaterThan(0);

    const db = new Database(app.databasePath, { readonly: true });
    try {
      const outcome = () => (db.prepare("select outcome from inbox where id = ?").get(inboxId) as { outcome: string }).outcome;
      expect(outcome()).toBe("received");
      const deadline = Date.now() + 30_000;
      while (outcome() === "received" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(outcome()).toBe("stored");
    } finally {
      db.close();
    }
    const cookie = await signIn(app.url);
    const res = await fetch(`${app.url}/api/calls?q=015029913692`, { headers: { cookie } });
    const body = (await res.json()) as { rows: { vendorId: number }[] };
    expect(body.rows.map((r) => r.vendorId)).toEqual([982]);
  }, 60_000);
});
