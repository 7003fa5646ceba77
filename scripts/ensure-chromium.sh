#!/usr/bin/env bash
# Browser tests use Debian's Chromium; Playwright's own browser download cannot reach this network.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Installing Debian's chromium (needed by the Playwright suite)…"
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is missing and this user cannot apt-get install it: run 'sudo apt-get install -y chromium'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
