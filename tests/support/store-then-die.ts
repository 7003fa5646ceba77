// Stores a callback body in the inbox as the callback route does, then dies (SIGKILL) before parsing it: what a
// crash between the two steps leaves on disk. Usage: node --import tsx tests/support/store-then-die.ts DB_FILE BODY_FILE
import { readFileSync } from "node:fs";
import { openDatabase } from "@/db/client";
import { storeRawCallback } from "@/lib/ingest/callbacks";

const [file, bodyFile] = process.argv.slice(2);
const db = openDatabase(file!);
const id = storeRawCallback(db, { endpoint: "bill", body: readFileSync(bodyFile!), contentType: "application/json", remoteAddr: "127.0.0.1" });
console.log(`stored inbox ${id}`);
process.kill(process.pid, "SIGKILL");
