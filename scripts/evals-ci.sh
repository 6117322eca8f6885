#!/usr/bin/env bash
# The eval gates CI applies. Thresholds sit a little under the scores measured when they were set
# (README, issue notes), so a real regression fails and run-to-run noise does not.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${EVAL_OUT:-eval-runs}

# extractive on our own cases: measured mean overall 0.98, figure recall 1.00, claimant 0.97,
# neutrality 1.00, summary coverage 0.95, source precision 0.95
evals run --cases seeds --engine extractive --out "$OUT" \
  --fail-under overall=0.95 --fail-under figure_recall=0.95 --fail-under claimant_accuracy=0.93 \
  --fail-under neutrality=0.95 --fail-under summary_coverage=0.90 --fail-under grounding=1.0 \
  --fail-under forbidden_hits=0 --fail-under source_precision=0.90

# extractive on published news, both parts of seeds/realnews (tune, 154 articles: rules were tuned
# on it, including three held-out parts retired after their means had been read too often; test,
# 20 fresh articles labelled by helpers from the article alone: only its means are read).
# Measured tune / test: claimant 0.95 / 0.95, quote speaker 0.97 / 0.95, source precision 0.98 /
# 0.93, event recall 0.89 / 0.97, summary coverage 0.94 / 0.94, headline form 1.00 / 1.00,
# grounding 1.00 / 1.00, overall 0.94 / 0.92
evals run --cases seeds/realnews/tune --engine extractive --out "$OUT" \
  --fail-under claimant_accuracy=0.93 --fail-under quote_speaker_accuracy=0.95 \
  --fail-under source_precision=0.95 --fail-under event_recall=0.86 \
  --fail-under summary_coverage=0.92 --fail-under headline_form=1.0 --fail-under grounding=1.0 \
  --fail-under overall=0.92 --fail-under forbidden_hits=0
evals run --cases seeds/realnews/test --engine extractive --out "$OUT" \
  --fail-under claimant_accuracy=0.92 --fail-under quote_speaker_accuracy=0.92 \
  --fail-under source_precision=0.90 --fail-under event_recall=0.93 \
  --fail-under summary_coverage=0.90 --fail-under headline_form=1.0 --fail-under grounding=1.0 \
  --fail-under overall=0.90 --fail-under forbidden_hits=0

# openai engine, replaying traffic recorded from the embedded model behind llama.cpp's server
# (prompt v2; measured mean overall 0.98, neutrality 1.00, grounding 1.00, 2.7 attempts)
evals run --cases seeds --engine openai --prompt-version v2 --out "$OUT" \
  --replay tests/cassettes/evals/openai-seeds.yaml \
  --fail-under overall=0.92 --fail-under grounding=1.0 --fail-under forbidden_hits=0 \
  --fail-under neutrality=0.95

# prompt v3 through the openai engine with the decisions the embedded engine makes by default
# (headline and claimants), replaying the 1.5B model behind llama.cpp's server. Measured own /
# tune / test: claimant 0.97 / 0.95 / 0.95, headline main news - / 0.81 / 0.82 (extractive - /
# 0.78 / 0.83), overall 0.98 / 0.94 / 0.92, grounding 1.00 everywhere
export SUMMARIZER_MODEL_DECISIONS='["headline","claimants"]'
evals run --cases seeds --engine openai --prompt-version v3 --out "$OUT" \
  --replay tests/cassettes/evals/openai-v3-seeds.yaml \
  --fail-under overall=0.95 --fail-under claimant_accuracy=0.95 --fail-under grounding=1.0 \
  --fail-under forbidden_hits=0 --fail-under neutrality=0.95
evals run --cases seeds/realnews/tune --engine openai --prompt-version v3 --out "$OUT" \
  --replay tests/cassettes/evals/openai-v3-seeds-realnews-tune.yaml \
  --fail-under headline_main_news=0.78 --fail-under claimant_accuracy=0.93 \
  --fail-under headline_form=1.0 --fail-under grounding=1.0 --fail-under overall=0.92
evals run --cases seeds/realnews/test --engine openai --prompt-version v3 --out "$OUT" \
  --replay tests/cassettes/evals/openai-v3-seeds-realnews-test.yaml \
  --fail-under headline_main_news=0.78 --fail-under claimant_accuracy=0.92 \
  --fail-under headline_form=1.0 --fail-under grounding=1.0 --fail-under overall=0.90
