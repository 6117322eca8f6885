#!/usr/bin/env bash
# Schemathesis over the OpenAPI document, as CI runs it (tests/api/test_schemathesis.py: valid
# and invalid requests on the extractive engine, in process; no 5xx, every answer as documented)
# but with 10,000 cases and a fresh random seed each run, printed so a failure reproduces.
# About 7 minutes on 2 cores.
# Usage: bash scripts/fuzz.sh [CASES] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
CASES=${1:-10000}
SEED=${2:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "scripts/fuzz.sh: $CASES cases, seed $SEED (again: bash scripts/fuzz.sh $CASES $SEED)"
FUZZ_CASES=$CASES FUZZ_SEED=$SEED "$VENV/bin/pytest" tests/api/test_schemathesis.py -q -s \
  -p no:cacheprovider 2>&1 | grep -v -E '^[0-9-]+ [0-9:,]+ (INFO|WARNING) '
