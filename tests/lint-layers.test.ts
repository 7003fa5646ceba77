// The layer rules of eslint.config.mjs, checked the way `npm run lint` applies them: a forbidden import fails.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const RESTRICTED = "@typescript-eslint/no-restricted-imports";

describe("layer rules", () => {
  it.each([
    ["components/calls/x.tsx", 'import { getDb } from "@/db/client";\nexport const x = getDb;\n'],
    ["components/calls/x.tsx", 'import { upsertCall } from "@/lib/ingest/upsert-call";\nexport const x = upsertCall;\n'],
    ["components/calls/x.tsx", 'import { listCalls } from "@/lib/queries/calls";\nexport const x = listCalls;\n'],
    ["lib/queries/x.ts", 'import { upsertCall } from "@/lib/ingest/upsert-call";\nexport const x = upsertCall;\n'],
    ["lib/queries/x.ts", 'import { normalizeBillCallback } from "@/lib/telephony";\nexport const x = normalizeBillCallback;\n'],
    ["lib/sync/x.ts", 'import { listCalls } from "@/lib/queries/calls";\nexport const x = listCalls;\n'],
    ["lib/calls/x.ts", 'import { getDb } from "@/db/client";\nexport const x = getDb;\n'],
    ["lib/telephony/x.ts", 'import { getDb } from "@/db/client";\nexport const x = getDb;\n'],
    ["db/x.ts", 'import { listCalls } from "@/lib/queries/calls";\nexport const x = listCalls;\n'],
  ])("%s may not: %s", async (file, code) => {
    expect(await ruleIdsFor(file, code)).toContain(RESTRICTED);
  });

  it.each([
    ["components/calls/x.tsx", 'import type { CallListItem } from "@/lib/queries/calls";\nexport type X = CallListItem;\n'],
    ["components/calls/x.tsx", 'import { directionLabel } from "@/lib/calls";\nexport const x = directionLabel;\n'],
    ["lib/queries/x.ts", 'import { sourcesOf } from "@/lib/calls";\nexport const x = sourcesOf;\n'],
    ["lib/sync/x.ts", 'import { upsertCall } from "@/lib/ingest/upsert-call";\nexport const x = upsertCall;\n'],
    ["lib/telephony/x.ts", 'import { CALL_METHOD } from "@/lib/calls";\nexport const x = CALL_METHOD;\n'],
  ])("%s may: %s", async (file, code) => {
    expect(await ruleIdsFor(file, code)).not.toContain(RESTRICTED);
  });

  it("forbids a transaction that does not take the write lock at BEGIN", async () => {
    const code = 'import { getDb } from "@/db/client";\nexport const x = () => getDb().transaction(() => 1);\n';
    expect(await ruleIdsFor("lib/ingest/x.ts", code)).toContain("no-restricted-syntax");
  });
});
