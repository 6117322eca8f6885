#!/usr/bin/env bash
# Sets up a fresh environment and runs every check CI runs: lint, types, all tests (default,
# slow: the embedded model for real, browser: headless Chromium) and the eval thresholds.
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

[ -x "$VENV/bin/python" ] || python3.11 -m venv "$VENV" 2>/dev/null || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
# llama-cpp-python builds from source (5-7 min the first time; pip caches the wheel)
"$VENV/bin/python" -m pip install -q -e '.[local,dev]'
export PATH="$PWD/$VENV/bin:$PATH"

echo "== lint and types"
ruff check summarizer evals tests benchmarks
mypy summarizer evals

echo "== evals: thresholds from the measured scores (see README)"
bash scripts/evals-ci.sh

echo "== tests: default, slow (embedded model), browser"
pytest -m "not slow and not browser" -q
pytest -m slow -q
pytest -m browser -q
