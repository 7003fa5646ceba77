import type { Db } from "@/db/client";
import type { LoginInfo, TokenStore } from "@/lib/telephony/getbill-client";

/** The vendor says a login token lives about 12 hours; renew a little before. */
const TOKEN_LIFETIME_MS = 11 * 3600_000;

/** GetBill login tokens kept in the database, shared by every process (and the CLI) on it. */
export function databaseTokenStore(db: Db, name = "getbill", lifetimeMs = TOKEN_LIFETIME_MS): TokenStore {
  const client = db.$client;
  return {
    get() {
      const row = client.prepare("select token, expires_at_ms as expiresAtMs from vendor_tokens where name = ?").get(name) as
        { token: string; expiresAtMs: number | null } | undefined;
      return row && (row.expiresAtMs == null || row.expiresAtMs > Date.now()) ? row.token : null;
    },
    set(token: string, login: LoginInfo) {
      const now = Date.now();
      client
        .prepare(
          `insert into vendor_tokens (name, token, obtained_at_ms, expires_at_ms, info) values (?, ?, ?, ?, ?)
           on conflict (name) do update set token = excluded.token, obtained_at_ms = excluded.obtained_at_ms,
             expires_at_ms = excluded.expires_at_ms, info = excluded.info`,
        )
        .run(name, token, now, now + lifetimeMs, JSON.stringify({ ...login, token: undefined }));
    },
    clear(token: string) {
      client.prepare("delete from vendor_tokens where name = ? and token = ?").run(name, token);
    },
  };
}
