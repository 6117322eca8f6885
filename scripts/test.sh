#!/usr/bin/env bash
# Sets up a fresh environment and runs every check CI runs, through the Makefile: lint (ruff,
# format, mypy --strict, import contracts), the eval gates, and all tests (default; slow: the
# embedded model for real; browser: headless Chromium).
# Usage: bash scripts/test.sh            (VENV=.venv by default; reused if present)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}

# Debian's Chromium and its driver for the browser test (root on these machines).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
  else
    echo "scripts/test.sh: chromium and chromium-driver are missing; install them (apt-get)" >&2
    exit 2
  fi
fi

# Debian's redis-server for the cache and job tests (tests/support/redis_server.py starts it).
if ! command -v redis-server >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server
  else
    echo "scripts/test.sh: redis-server is missing; install it (apt-get install redis-server)" >&2
    exit 2
  fi
fi

# llama-cpp-python builds from source (5-7 min the first time; pip caches the wheel)
make setup VENV="$VENV"
make check VENV="$VENV"
