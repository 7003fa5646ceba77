/**
 * Runs once per server process at start (never during `next build`): validate configuration, migrate the
 * database, create the first admin. Any failure stops the process: never serve on bad config or a half-migrated db.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
