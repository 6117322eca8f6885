"""`evals run | score | compare | report` end to end on a temporary copy of real cases, with the
extractive engine (no model), plus the runner's usage and error recording with a stub engine
(the completion cache: tests/evals/test_cache.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from evals.cases import load_cases
from evals.cli import EXIT_OK, EXIT_THRESHOLD, EXIT_USAGE, main
from evals.log import read_log
from evals.runner import Runner, RunOptions
from summarizer.analysis.types import Analysis
from summarizer.engines.base import MODEL_ENGINE, Article, EngineResult
from summarizer.engines.prompting import PromptTemplate
from summarizer.engines.registry import EngineRegistry
from summarizer.errors import EngineOutputInvalid
from summarizer.models import SummaryBody, Usage
from summarizer.service import SummaryService
from summarizer.settings import Settings
from tests.support import ROOT

SEEDS = ROOT / "seeds"
PICKED = ("000_e5a4ada6868b4a8e", "104_protest_crowd_estimates", "109_injection_ferry_aground")


@pytest.fixture
def cases_dir(tmp_path: Path) -> Path:
    target = tmp_path / "cases"
    for case_id in PICKED:
        shutil.copytree(SEEDS / case_id, target / case_id)
    return target


def _run(cases_dir: Path, out: Path, *extra: str) -> tuple[int, Path]:
    code = main(["run", "--cases", str(cases_dir), "--engine", "extractive", "--out", str(out),
                 *extra])  # fmt: skip
    logs = sorted(out.glob("*.json"))
    return code, logs[-1] if logs else out


def test_run_writes_a_log_with_every_case_scored(
    cases_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, log_path = _run(cases_dir, tmp_path / "runs")
    assert code == EXIT_OK
    log = read_log(log_path)
    assert [r.case_id for r in log.records] == list(PICKED)
    assert all(r.error is None and r.response is not None for r in log.records)
    assert all(r.metrics["grounding"].explanation for r in log.records)
    assert log.config.engine == "extractive" and log.config.cases_dir == str(cases_dir)
    assert log.means["overall"] is not None
    printed = capsys.readouterr().out
    assert "MEAN" in printed and "104_protest_crowd_estimates" in printed


def test_fail_under_sets_the_exit_code_and_names_the_metric(
    cases_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, log_path = _run(cases_dir, tmp_path / "runs", "--fail-under", "overall=1.01")
    assert code == EXIT_THRESHOLD
    assert "FAIL overall" in capsys.readouterr().err
    assert main(["score", str(log_path), "--fail-under", "grounding=0"]) == EXIT_OK
    assert main(["score", str(log_path), "--fail-under", "figure_recall=1.01"]) == EXIT_THRESHOLD


def test_forbidden_hits_threshold_is_a_maximum(cases_dir: Path, tmp_path: Path) -> None:
    _, log_path = _run(cases_dir, tmp_path / "runs")
    raw = json.loads(log_path.read_text(encoding="utf-8"))
    ferry = next(r for r in raw["records"] if r["case_id"].startswith("109"))
    ferry["response"]["summary"] = "Officials said 5,000 passengers drowned."
    log_path.write_text(json.dumps(raw), encoding="utf-8")
    assert main(["score", str(log_path), "--fail-under", "forbidden_hits=0"]) == EXIT_THRESHOLD
    assert main(["score", str(log_path), "--fail-under", "forbidden_hits=100"]) == EXIT_OK


def test_score_uses_updated_gold(cases_dir: Path, tmp_path: Path) -> None:
    _, log_path = _run(cases_dir, tmp_path / "runs")
    gold_path = cases_dir / PICKED[0] / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    gold["summary"]["must_mention"].append(["a phrase no summary contains"])
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    rescored = tmp_path / "rescored.json"
    assert main(["score", str(log_path), "--cases", str(cases_dir), "--out", str(rescored)]) == 0
    before = read_log(log_path).records[0].metrics["summary_coverage"]
    after = read_log(rescored).records[0].metrics["summary_coverage"]
    assert after.value is not None and before.value is not None and after.value < before.value
    assert "a phrase no summary contains" in after.explanation


def test_compare_reports_regressions(
    cases_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, base_path = _run(cases_dir, tmp_path / "runs")
    raw = json.loads(base_path.read_text(encoding="utf-8"))
    raw["records"][0]["response"]["figures"] = []  # the new run "forgot" every figure
    worse = tmp_path / "worse.json"
    worse.write_text(json.dumps(raw), encoding="utf-8")
    assert main(["score", str(worse), "--out", str(worse)]) == EXIT_OK
    capsys.readouterr()
    assert main(["compare", str(base_path), str(worse)]) == EXIT_OK
    text = capsys.readouterr().out
    regressed = text.split("improved")[0]
    assert f"{PICKED[0]}" in regressed and "figure_recall" in regressed


def test_report_is_self_contained_and_escapes_the_article(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    shutil.copytree(SEEDS / PICKED[0], cases / "evil")
    article = cases / "evil" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + '\n<script>alert("x")</script>\n',
                       encoding="utf-8")  # fmt: skip
    gold_path = cases / "evil" / "gold.json"
    gold_path.write_text(gold_path.read_text(encoding="utf-8").replace(PICKED[0], "evil"))
    _, log_path = _run(cases, tmp_path / "runs")
    html_path = tmp_path / "report.html"
    assert main(["report", str(log_path), "--out", str(html_path)]) == EXIT_OK
    html = html_path.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'class="fig"' in html and "Markushin" in html
    assert "http://" not in html and "https://" not in html  # nothing fetched from elsewhere


def test_bad_input_exits_with_a_usage_error(tmp_path: Path) -> None:
    assert main(["run", "--cases", str(tmp_path / "missing")]) == EXIT_USAGE
    assert main(["report", str(tmp_path / "missing.json")]) == EXIT_USAGE
    with pytest.raises(SystemExit):
        main(["run", "--fail-under", "no_such_metric=1"])


def test_a_missing_cassette_is_a_usage_error(cases_dir: Path, tmp_path: Path) -> None:
    code = main(["run", "--cases", str(cases_dir), "--engine", "openai",
                 "--replay", str(tmp_path / "none.yaml"), "--out", str(tmp_path)])  # fmt: skip
    assert code == EXIT_USAGE


def test_an_unknown_engine_fails_every_case_but_not_the_run(
    cases_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "runs"
    code = main(["run", "--cases", str(cases_dir), "--engine", "nosuch", "--out", str(out),
                 "--fail-under", "overall=0.1"])  # fmt: skip
    assert code == EXIT_THRESHOLD
    log = read_log(next(out.glob("*.json")))
    assert all(r.error and r.error.type == "UnknownOption" for r in log.records)
    assert log.means["overall"] == 0.0


# --- runner: usage and errors with a stub model engine ------------------------------------------
class StubEngine:
    name = "stub"
    capabilities = MODEL_ENGINE

    def __init__(self, fail: bool = False) -> None:
        self.calls = 0
        self.fail = fail

    def generate(
        self,
        article: Article,
        analysis: Analysis,
        prompt: PromptTemplate | None,
        deadline: float | None = None,
    ) -> EngineResult:
        self.calls += 1
        if self.fail:
            raise EngineOutputInvalid(
                "no valid JSON",
                engine="stub",
                attempts=3,
                last_completion="{",
                usage=Usage(input_tokens=900, output_tokens=30),
            )
        body = SummaryBody(headline="Stub headline", summary="Stub summary of the article.")
        return EngineResult(body=body, model="stub-model", attempts=2,
                            usage=Usage(input_tokens=1000, output_tokens=200))  # fmt: skip

    def is_ready(self) -> bool:
        return True

    def model_name(self) -> str:
        return "stub-model"


def _stub_runner(engine: StubEngine, cache_dir: Path, use_cache: bool = True) -> Runner:
    settings = Settings(load_model_at_startup=False)
    service = SummaryService(settings, registry=EngineRegistry(settings, {"stub": engine}))
    options = RunOptions(engine="stub", cache_dir=cache_dir, use_cache=use_cache)
    return Runner(options, service=service)


def test_usage_is_recorded_and_an_engine_without_a_chat_backend_runs_every_time(
    cases_dir: Path, tmp_path: Path
) -> None:
    cases = load_cases(cases_dir)
    engine = StubEngine()
    first = _stub_runner(engine, tmp_path / "cache").run(cases)
    assert engine.calls == len(cases)
    assert all(r.attempts == 2 and r.retries == 1 and r.input_tokens == 1000 for r in first)
    # the cache holds model completions; an engine with no chat backend has none to reuse
    second = _stub_runner(engine, tmp_path / "cache").run(cases)
    assert engine.calls == 2 * len(cases) and not any(r.cached for r in second)


def test_engine_failures_are_recorded_with_their_cost(cases_dir: Path, tmp_path: Path) -> None:
    records = _stub_runner(StubEngine(fail=True), tmp_path / "cache").run(load_cases(cases_dir))
    assert all(r.error and r.error.type == "EngineOutputInvalid" for r in records)
    assert all(r.attempts == 3 and r.input_tokens == 900 for r in records)
    assert all(r.metrics["overall"].value == 0.0 for r in records)
