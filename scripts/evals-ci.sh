#!/usr/bin/env bash
# The eval gates CI applies. Thresholds sit a little under the scores measured when they were set
# (README, issue notes), so a real regression fails and run-to-run noise does not.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${EVAL_OUT:-eval-runs}

# extractive: measured mean overall 0.95, figure recall 0.96, claimant 0.93, neutrality 1.00
evals run --cases seeds --engine extractive --out "$OUT" \
  --fail-under overall=0.92 --fail-under figure_recall=0.92 --fail-under claimant_accuracy=0.88 \
  --fail-under neutrality=0.95 --fail-under summary_coverage=0.90 --fail-under grounding=1.0 \
  --fail-under forbidden_hits=0

# openai engine, replaying traffic recorded from the embedded model behind llama.cpp's server
# (measured mean overall 0.95, neutrality 1.00, grounding 1.00)
evals run --cases seeds --engine openai --prompt-version v2 --out "$OUT" \
  --replay tests/cassettes/evals/openai-seeds.yaml \
  --fail-under overall=0.92 --fail-under grounding=1.0 --fail-under forbidden_hits=0 \
  --fail-under neutrality=0.95
