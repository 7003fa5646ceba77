import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type AppServer = {
  url: string;
  dir: string;
  databasePath: string;
  env: Record<string, string>;
  stop(): Promise<void>;
  /** Stops the server but keeps its folder (database, secret file) for a restart. */
  stopProcessOnly(): Promise<void>;
  output(): string;
};

export const TEST_TOKEN = "test-callback-token";
export const TEST_ADMIN = { email: "admin@example.com", password: "correct-horse-battery" };

/**
 * Starts the production build (`next start`, so run `npm run build` first) on a free port with its own
 * temporary database, and waits until /api/health answers. Real HTTP, real SQLite file.
 */
export async function startAppServer(extraEnv: Record<string, string> = {}, options: { dir?: string } = {}): Promise<AppServer> {
  // With `dir`, the server shares another's folder and database (several processes on one file); the caller removes it.
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), "calls-app-"));
  const port = await freePort();
  const databasePath = path.join(dir, "calls.db");
  const env: Record<string, string> = {
    DATABASE_URL: `file:${databasePath}`,
    PORT: String(port),
    CALLBACK_TOKEN: TEST_TOKEN,
    VENDOR_TZ: "Asia/Shanghai",
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
    ...extraEnv,
  };
  const child = spawn(path.join(process.cwd(), "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => out);
  return {
    url,
    dir,
    databasePath,
    env,
    output: () => out,
    stopProcessOnly: () => stopChild(child),
    async stop() {
      await stopChild(child);
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the public route and returns the Cookie header value to send. */
export async function signIn(url: string, creds = TEST_ADMIN): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify(creds),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`app did not become healthy within 60 s:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}
