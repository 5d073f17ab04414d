#!/usr/bin/env bash
# Run the whole test suite against SQLite and a throwaway PostgreSQL, with Chromium for the
# browser tests. Everything it needs is installed here, never by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/chromium.sh
export HOTLINE_TEST_POSTGRES_URL
HOTLINE_TEST_POSTGRES_URL=$(scripts/postgres.sh start)
trap 'scripts/postgres.sh stop' EXIT
export HOTLINE_REQUIRE_POSTGRES=1 HOTLINE_REQUIRE_BROWSER=1
.venv/bin/python -m pytest "$@"
