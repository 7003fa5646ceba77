// Opens (and so migrates) a database at a given instant, for tests of several processes starting at once.
// Usage: node --import tsx tests/support/open-at.ts DB_FILE EPOCH_MS
import { openDatabase } from "@/db/client";

const [file, at] = process.argv.slice(2);
while (Date.now() < Number(at)) await new Promise((r) => setTimeout(r, 1));
openDatabase(file!).$client.close();
console.log("migrated");
