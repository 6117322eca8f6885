"""One JSON log per run: configuration, per-case output, metrics with explanations, costs.

The log carries each case's article and gold as used, so `evals score`, `compare` and `report`
work from the log alone (`--cases` swaps in updated gold).
"""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from statistics import mean
from typing import Any

from pydantic import BaseModel, Field

from evals.cases import EvalCase, Gold
from evals.metrics import METRIC_NAMES
from evals.metrics_base import Score
from summarizer.models import SummaryResponse

LOG_VERSION = 1
COST_NAMES = ("input_tokens", "output_tokens", "latency_ms", "attempts")


class RunConfig(BaseModel):
    engine: str
    model: str | None = None
    prompt_version: str | None = None
    cases_dir: str
    repeat: int = 1
    concurrency: int = 1
    cache: bool = True
    replay: str | None = None
    record: str | None = None
    git_commit: str | None = None
    git_dirty: bool | None = None
    started_at: str = ""
    finished_at: str = ""
    argv: list[str] = Field(default_factory=list)


class CaseError(BaseModel):
    type: str
    detail: str


class CaseRecord(BaseModel):
    case_id: str
    sample: int = 0  # which of `--repeat N` runs
    article: str
    article_sha256: str
    gold: Gold
    response: SummaryResponse | None = None
    error: CaseError | None = None
    cached: bool = False
    # wall time as measured by the runner, plus the recorded time of cached model calls
    latency_ms: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    attempts: int = 0
    retries: int = 0
    metrics: dict[str, Score] = Field(default_factory=dict)

    def case(self) -> EvalCase:
        return EvalCase(id=self.case_id, article=self.article, gold=self.gold)

    def metric(self, name: str) -> float | None:
        if name in COST_NAMES:
            return float(getattr(self, name))
        score = self.metrics.get(name)
        return score.value if score else None


class RunLog(BaseModel):
    version: int = LOG_VERSION
    config: RunConfig
    records: list[CaseRecord] = Field(default_factory=list)
    means: dict[str, float | None] = Field(default_factory=dict)

    def compute_means(self) -> None:
        self.means = {name: mean_of(self.records, name) for name in (*METRIC_NAMES, *COST_NAMES)}


def mean_of(records: list[CaseRecord], name: str) -> float | None:
    values = [v for r in records if (v := r.metric(name)) is not None]
    return mean(values) if values else None


def git_state(cwd: Path) -> tuple[str | None, bool | None]:
    """The commit the run used and whether the tree had uncommitted changes; None outside git."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=cwd, capture_output=True, text=True, check=True
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain"], cwd=cwd, capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None, None
    return commit or None, bool(status.strip())


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def write_log(log: RunLog, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = (log.config.started_at or now_iso()).replace(":", "").replace("+0000", "Z")
    model = (log.config.model or "none").replace("/", "_").replace(" ", "_")[-40:]
    path = out_dir / f"{stamp}_{log.config.engine}_{model}.json"
    counter = 1
    while path.exists():  # two runs in one second must not overwrite each other
        path = out_dir / f"{stamp}_{log.config.engine}_{model}_{counter}.json"
        counter += 1
    path.write_text(log.model_dump_json(indent=1), encoding="utf-8")
    return path


def read_log(path: Path) -> RunLog:
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a readable eval log ({exc})") from exc
    return RunLog.model_validate(raw)
