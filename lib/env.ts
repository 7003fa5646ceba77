import { z } from "zod";
import { callbackTokenProblems, IpAllowList, splitList } from "@/lib/callback-access";

/**
 * Server configuration, validated once. A wrong or missing value throws an error naming the variable,
 * so the server refuses to start instead of failing later inside a callback.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/calls.db")
    .superRefine((v, ctx) => {
      const problem = databaseUrlProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * The shared secrets the vendor appends to callback URLs as ?token=; several, comma-separated, during a rotation
   * (any is accepted; the first is the one /settings shows). Each at least 16 characters, never the example placeholder.
   */
  CALLBACK_TOKEN: z
    .string({ error: "is required: the shared secret the vendor appends to callback URLs as ?token=" })
    .transform((v, ctx): [string, ...string[]] => {
      const tokens = [...new Set(splitList(v))];
      for (const message of callbackTokenProblems(tokens)) ctx.addIssue({ code: "custom", message });
      return tokens.length > 0 ? [tokens[0]!, ...tokens.slice(1)] : z.NEVER;
    }),
  /** Optional: callbacks are accepted only from these comma-separated addresses or CIDR ranges (IPv4 and IPv6). */
  CALLBACK_ALLOWED_IPS: z
    .string()
    .transform((v, ctx): IpAllowList => {
      const parsed = IpAllowList.parse(v);
      if (parsed.ok) return parsed.list;
      for (const message of parsed.problems) ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    })
    .optional(),
  VENDOR_TZ: timeZone().default("Asia/Shanghai"),
  DISPLAY_TZ: timeZone().optional(),
  ADMIN_EMAIL: z.email("must be an email address").optional(),
  ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  BETTER_AUTH_URL: z.url("must be an absolute URL such as http://localhost:3000").optional(),
  /** Sign-in attempts per minute from one address before 429 (password guessing). */
  AUTH_SIGNIN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),

  // Recordings: where the vendor serves a call's file, and which private hosts may be fetched anyway.
  RECORDING_URL_TEMPLATE: z
    .string()
    .default("http://{downloadip}/{recordfilename}")
    .refine((v) => v.includes("{recordfilename}"), "must contain {recordfilename}"),
  RECORDING_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),

  // Pull sync. A source whose settings are absent is skipped and shown as not configured.
  GETBILL_URL: z.url("must be the vendor API base URL, e.g. http://vendor.example/").optional(),
  GETBILL_TOKEN: z.string().optional(),
  GETBILL_APPID: z.string().optional(),
  GETBILL_ACCESSKEY: z.string().optional(),
  CDRS_URL: z.url("must be the full /api/cdrs URL").optional(),
  CDRS_APPID: z.string().optional(),
  CDRS_ACCESSKEY: z.string().optional(),
  CDRS_USERNAME: z.string().optional(),
  CDRS_IP: z.string().optional(),
  SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  SYNC_LOOKBACK_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 31)
    .default(3),
  EXTENSION_POLL_SECONDS: z.coerce.number().int().min(0).default(30),
  /** How long a stored callback body may be in flight before the background retry takes it as left behind. */
  INBOX_RETRY_GRACE_SECONDS: z.coerce.number().int().min(1).default(30),
});

export type Env = z.infer<typeof envSchema> & { DISPLAY_TZ: string; databasePath: string };

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses a set of variables; empty strings count as unset (a blank line in .env is not a value). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
  }
  const env = result.data;
  return { ...env, DISPLAY_TZ: env.DISPLAY_TZ ?? env.VENDOR_TZ, databasePath: toDatabasePath(env.DATABASE_URL) };
}

let cached: Env | undefined;

/** The process's configuration, parsed on first use (never at import: `next build` imports route modules). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forgets the parsed configuration; tests change variables between cases. */
export function resetEnvForTests() {
  cached = undefined;
}

/** The schemes DATABASE_URL may use; a plain path counts as `file:`. */
const DATABASE_SCHEMES = ["file:"] as const;

/** `file:./data/calls.db`, `file:///srv/calls.db` and `./data/calls.db` all name a SQLite file. */
function toDatabasePath(url: string): string {
  if (url.startsWith("file://")) return decodeURIComponent(url.slice("file://".length));
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}

/**
 * Why a DATABASE_URL cannot be used, or null. Anything with another scheme is refused: opening
 * `postgres://…` as a relative SQLite path would silently run the install on a stray file.
 */
function databaseUrlProblem(url: string): string | null {
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme && `${scheme}:` !== "file:") {
    return `uses the scheme "${scheme}:", which this install does not know. Known schemes: ${DATABASE_SCHEMES.join(", ")} (a SQLite file, e.g. file:./data/calls.db), or a plain file path`;
  }
  if (toDatabasePath(url).trim().length === 0) return "must name a SQLite file, e.g. file:./data/calls.db";
  return null;
}

function timeZone() {
  return z.string().refine(isTimeZone, { error: (issue) => `is not an IANA time zone: ${String(issue.input)}` });
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
