import { writeTransaction, type Db } from "./client";

/**
 * A lease row in the database: whoever holds an unexpired lease may run; every process on the same database sees
 * it. The holder renews it while working; a crashed holder's lease simply expires.
 */
export function acquireLease(db: Db, name: string, holder: string, ttlMs: number, nowMs = Date.now()): boolean {
  const client = db.$client;
  return writeTransaction(db, () => {
    client.prepare("insert or ignore into leases (name, holder, expires_at_ms) values (?, ?, 0)").run(name, holder);
    const taken = client
      .prepare("update leases set holder = ?, expires_at_ms = ? where name = ? and (holder = ? or expires_at_ms <= ?)")
      .run(holder, nowMs + ttlMs, name, holder, nowMs);
    return taken.changes === 1;
  });
}

export function releaseLease(db: Db, name: string, holder: string) {
  db.$client.prepare("update leases set expires_at_ms = 0 where name = ? and holder = ?").run(name, holder);
}

export function leaseHolder(db: Db, name: string, nowMs = Date.now()): { holder: string; expiresAtMs: number } | null {
  const row = db.$client.prepare("select holder, expires_at_ms as expiresAtMs from leases where name = ?").get(name) as
    { holder: string; expiresAtMs: number } | undefined;
  return row && row.expiresAtMs > nowMs ? row : null;
}
