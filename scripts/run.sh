#!/usr/bin/env bash
# Serve the app on loopback, honouring PORT from the environment or .env.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .env ]; then set -a; . ./.env; set +a; fi
exec .venv/bin/hotline run --host 127.0.0.1 --port "${PORT:-5000}"
