import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", "data/**", ".tmp/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Configuration is read once, validated, in lib/env.ts; everything else reads env.X.
    files: ["app/**", "components/**", "lib/**", "db/**"],
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts." }],
    },
  },
  {
    // A transaction that reads before it writes is refused the write lock at once when another process writes
    // ("database is locked", whatever the busy timeout): writes go through writeTransaction() (BEGIN IMMEDIATE),
    // multi-statement reads through readSnapshot().
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["db/client.ts", "db/migrate.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: "Use writeTransaction() or readSnapshot() from @/db/client: they take the write lock when they begin.",
        },
      ],
    },
  },
  {
    // Vendor quirks stay in lib/vendor: it depends on nothing of ours but lib/time.
    files: ["lib/vendor/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/db/*", "@/lib/queries/*", "@/lib/ingest/*", "@/app/*", "@/components/*"], message: "lib/vendor imports only zod and lib/time." }] }],
    },
  },
]);
