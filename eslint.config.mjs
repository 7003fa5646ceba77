import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  // Formatting is Prettier's (prettier --check in `npm run lint`): ESLint keeps to correctness.
  prettier,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    "data/**",
    ".tmp/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
    "db/migrations/**",
  ]),
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
  // Layers point one way: app (routes, pages) → queries / ingest / sync → calls + db. lib/calls is the domain module
  // every layer may import; lib/telephony is the vendor edge that only ingest and sync use. A test (lint-layers.test.ts)
  // checks that a forbidden import fails.
  ...layer("lib/calls/**", ["@/*"], "lib/calls is the domain module: it imports nothing of ours."),
  ...layer(
    "lib/telephony/**",
    ["@/db/*", "@/lib/queries/*", "@/lib/ingest/*", "@/lib/sync/*", "@/lib/settings/*", "@/lib/filters/*", "@/lib/auth/*", "@/app/*", "@/components/*"],
    "lib/telephony (the vendor edge) imports only zod, lib/time and lib/calls.",
  ),
  ...layer("db/**", ["@/lib/queries/*", "@/lib/ingest/*", "@/lib/sync/*", "@/lib/telephony/*", "@/app/*", "@/components/*"], "db is the bottom layer."),
  ...layer(
    "lib/queries/**",
    ["@/lib/ingest/*", "@/lib/sync/*", "@/lib/telephony/*", "@/app/*", "@/components/*"],
    "The read side does not import the write side or the vendor edge.",
  ),
  ...layer("lib/ingest/**", ["@/lib/queries/*", "@/lib/sync/*", "@/app/*", "@/components/*"], "Ingest writes; it does not import the read side or the sync."),
  ...layer("lib/sync/**", ["@/lib/queries/*", "@/app/*", "@/components/*"], "The sync writes through ingest; it does not import the read side."),
  ...layer(
    "components/**",
    ["@/db/*", "@/lib/ingest/*", "@/lib/sync/*", "@/lib/telephony/*", "@/lib/settings/*", "@/lib/auth/auth", "@/lib/auth/session", "@/app/*"],
    "Components get data as props or through the API: no database, ingest, sync or vendor code.",
    // Row and board shapes from the read side are data, not code: type imports are allowed.
    ["@/lib/queries/*"],
  ),
]);

/**
 * One layer's import rule. `types` lists modules the layer may import types from but nothing else.
 * (@typescript-eslint's rule, which knows type imports, replaces ESLint's own.)
 */
function layer(files, forbidden, message, types = []) {
  return [
    {
      files: [files],
      ignores: ["**/*.test.ts"],
      rules: {
        "no-restricted-imports": "off",
        "@typescript-eslint/no-restricted-imports": [
          "error",
          {
            patterns: [{ group: withIndex(forbidden), message }, ...(types.length ? [{ group: withIndex(types), message, allowTypeImports: true }] : [])],
          },
        ],
      },
    },
  ];
}

/** "@/lib/telephony/*" forbids the folder's index ("@/lib/telephony") too. */
function withIndex(patterns) {
  return patterns.flatMap((p) => (p.endsWith("/*") && p !== "@/*" ? [p.slice(0, -2), p] : [p]));
}
