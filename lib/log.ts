/**
 * Structured one-line logs: `log.warn("callback rejected", { endpoint, inboxId, field })`.
 * Values that look like phone numbers are masked; never pass secrets or signed URLs.
 */
type Level = "debug" | "info" | "warn" | "error";
type Context = Record<string, unknown>;

export const log = {
  debug: (message: string, context?: Context) => write("debug", message, context),
  info: (message: string, context?: Context) => write("info", message, context),
  warn: (message: string, context?: Context) => write("warn", message, context),
  error: (message: string, context?: Context) => write("error", message, context),
};

function maskNumber(value: string): string {
  return value.length <= 4 ? value : `${"*".repeat(value.length - 4)}${value.slice(-4)}`;
}

function write(level: Level, message: string, context?: Context) {
  if (level === "debug" && !isDebug()) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg: message, ...mask(context) });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

function mask(context?: Context): Context | undefined {
  if (!context) return context;
  return Object.fromEntries(
    Object.entries(context).map(([k, v]) => {
      if (v instanceof Error) return [k, v.message];
      if (typeof v === "string" && /^\+?\d{7,}$/.test(v)) return [k, maskNumber(v)];
      return [k, v];
    }),
  );
}

function isDebug() {
  // eslint-disable-next-line no-restricted-properties -- logging must work before and without env validation
  return process.env.LOG_LEVEL === "debug";
}
