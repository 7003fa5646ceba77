#!/usr/bin/env bash
# The whole test command: typecheck, lint, unit and integration tests, then Playwright against the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
step "chromium"; bash scripts/ensure-chromium.sh
step "typecheck"; npx tsc --noEmit
step "lint"; npm run lint --silent
step "build"; npx next build
step "unit and integration tests"; npx vitest run
step "end-to-end (Playwright, Chromium)"; npx playwright test
