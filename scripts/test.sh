#!/usr/bin/env bash
# The whole suite, as `npm test` runs it: typecheck, unit, integration (real chDB), e2e (Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s ===\n' "$*"; }

step "typecheck"
npx tsc --noEmit -p tsconfig.json

step "SIP and media tools (Kamailio, SIPp, rtpengine, espeak-ng) for the dialer's integration tests"
# Installed once here (apt-get, root): test files running in parallel would otherwise race for dpkg's lock.
npx tsx -e "const s = require('./dialer/sip/local-stack'); s.ensureSipTools(); s.ensureRtpengine(); s.ensureEspeak();"

step "unit + integration (vitest, real chDB in temporary data dirs, real Kamailio and SIPp)"
npx vitest run --config scripts/vitest.config.ts

step "e2e (Playwright, Debian chromium)"
bash scripts/ensure-chromium.sh
npx playwright test -c e2e/playwright.config.ts
