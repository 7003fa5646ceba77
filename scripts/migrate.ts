// npm run db:migrate – applies the committed migrations to DATABASE_URL (the server also does it on start)
import { openDatabase } from "@/db/client";
import { getEnv } from "@/lib/env";

const env = getEnv();
openDatabase(env.databasePath).$client.close();
console.log(`Migrated ${env.databasePath}`);
