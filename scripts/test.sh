#!/usr/bin/env bash
# Run the whole test suite against SQLite and a throwaway PostgreSQL, with Chromium for the
# browser tests. Everything it needs is installed here, never by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/chromium.sh
# A fresh cluster on a free loopback port for every run: nothing left over from an earlier
# run (or another checkout) can get in the way.
HOTLINE_PG_DIR=$(mktemp -d /tmp/hotline-pg.XXXXXX)
HOTLINE_PG_PORT=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export HOTLINE_PG_DIR HOTLINE_PG_PORT
trap 'scripts/postgres.sh stop; rm -rf "$HOTLINE_PG_DIR"' EXIT
export HOTLINE_TEST_POSTGRES_URL
HOTLINE_TEST_POSTGRES_URL=$(scripts/postgres.sh start)
export HOTLINE_REQUIRE_POSTGRES=1 HOTLINE_REQUIRE_BROWSER=1
.venv/bin/python -m pytest "$@"
