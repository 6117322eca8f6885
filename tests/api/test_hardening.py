"""Issue 13: the service holds under bad input and slow articles. Bad bodies are 4xx problem+json
on both POST routes (never a 500); analysis runs off the event loop, so /healthz answers while
an article is analysed; an analysis past its budget is a 422 that says what to do; a model's
failed answers reach the log, not the client."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from summarizer.analysis.types import Analysis
from summarizer.api.app import create_app
from summarizer.engines.base import Article, EngineResult
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.prompting import PromptTemplate
from summarizer.engines.registry import EngineRegistry
from summarizer.errors import EngineError
from summarizer.service import SummaryService
from summarizer.settings import Settings
from tests.support import SEED_IDS, seed_text
from tests.support.fake_llm import fake_llm_server

PROBLEM = "application/problem+json"
JSON = {"content-type": "application/json"}
PLAIN = {"content-type": "text/plain"}
ROUTES = ("/v1/summaries", "/v1/briefs", "/v1/briefs?format=html")
ARTICLE = b'"The council approved 12 new homes on Monday, the mayor said."'
TEXT = {"text": seed_text(SEED_IDS[0])}


def _nested(depth: int, inner: bytes = b"") -> bytes:
    return b"[" * depth + inner + b"]" * depth


# (name, body, headers, status, words the detail must hold)
BAD_BODIES: list[tuple[str, bytes, dict[str, str], int, str]] = [
    (
        "surrogate in text",
        b'{"text": "Council \\ud800 approved 12 homes."}',
        JSON,
        400,
        "surrogate",
    ),
    ("surrogate in title", b'{"text": ' + ARTICLE + b', "title": "\\ud800"}', JSON, 400, "title"),
    (
        "surrogate in engine",
        b'{"text": ' + ARTICLE + b', "engine": "\\ud800"}',
        JSON,
        400,
        "engine",
    ),
    (
        "low surrogate in prompt_version",
        b'{"text": ' + ARTICLE + b', "prompt_version": "v\\udfff"}',
        JSON,
        400,
        "prompt_version",
    ),
    ("surrogate in a key", b'{"text": ' + ARTICLE + b', "\\udc80": 1}', JSON, 400, "surrogate"),
    ("UTF-8 encoded surrogate as text", b"Council \xed\xa0\x80 approved 12.", PLAIN, 400, "UTF-8"),
    ("UTF-8 encoded surrogate in JSON", b'{"text": "\xed\xa0\x80"}', JSON, 400, "UTF-8"),
    ("a lone continuation byte", b"Council \x80 approved 12 homes.", PLAIN, 400, "UTF-8"),
    ("10,000 nested arrays", _nested(10_000), JSON, 400, "nested too deeply"),
    ("10,000 nested objects", b'{"a": ' * 10_000 + b"1" + b"}" * 10_000, JSON, 400, "nested"),
    ("nested arrays as the text", b'{"text": ' + _nested(10_000) + b"}", JSON, 400, "nested"),
    (
        "5,000-digit timeout",
        b'{"text": ' + ARTICLE + b', "timeout_s": ' + b"9" * 5_000 + b"}",
        JSON,
        400,
        "thousands of digits",
    ),
    ("5,000-digit text", b'{"text": ' + b"1" * 5_000 + b"}", JSON, 400, "digits"),
    ("text a number", b'{"text": 12345}', JSON, 422, "text"),
    ("text a list", b'{"text": ["a", "b"]}', JSON, 422, "text"),
    ("text null", b'{"text": null}', JSON, 422, "text"),
    ("title a number", b'{"text": ' + ARTICLE + b', "title": 3}', JSON, 422, "title"),
    ("engine a list", b'{"text": ' + ARTICLE + b', "engine": ["local"]}', JSON, 422, "engine"),
    ("timeout a word", b'{"text": ' + ARTICLE + b', "timeout_s": "soon"}', JSON, 422, "timeout_s"),
    ("timeout true", b'{"text": ' + ARTICLE + b', "timeout_s": true}', JSON, 422, "timeout_s"),
    ("timeout -inf", b'{"text": ' + ARTICLE + b', "timeout_s": -1e400}', JSON, 422, "timeout_s"),
    ("timeout NaN", b'{"text": ' + ARTICLE + b', "timeout_s": NaN}', JSON, 422, "timeout_s"),
    ("published_at an object", b'{"text": ' + ARTICLE + b', "published_at": {}}', JSON, 422, "pub"),
    ("a 100,000-character key", b'{"text": "x", "' + b"k" * 100_000 + b'": 1}', JSON, 422, "…"),
]


@pytest.fixture
def tolerant_client(extractive_settings: Settings) -> Iterator[TestClient[Litestar]]:
    """A server error comes back as a response here, so a test sees the 500 it asserts away."""
    app = create_app(extractive_settings)
    with TestClient(app=app, raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize(
    ("body", "headers", "status", "words"),
    [case[1:] for case in BAD_BODIES],
    ids=[case[0] for case in BAD_BODIES],
)
def test_bad_bodies_are_4xx_problems_on_every_route(
    tolerant_client: TestClient[Litestar],
    route: str,
    body: bytes,
    headers: dict[str, str],
    status: int,
    words: str,
) -> None:
    response = tolerant_client.post(route, content=body, headers=headers)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith(PROBLEM)
    problem = response.json()
    assert problem["status"] == status
    assert words in problem["detail"]
    assert len(response.text) < 3_000  # the client's own input is not echoed back whole


def test_a_surrogate_problem_names_the_field(tolerant_client: TestClient[Litestar]) -> None:
    body = b'{"text": ' + ARTICLE + b', "engine": "local\\ud800"}'
    problem = tolerant_client.post("/v1/summaries", content=body, headers=JSON).json()
    assert problem["option"] == "engine"
    assert "\\ud800" in problem["detail"] and "re-encode" in problem["detail"]


def test_a_wrong_format_with_odd_bytes_is_a_400(tolerant_client: TestClient[Litestar]) -> None:
    response = tolerant_client.post(
        "/v1/briefs?format=%ED%A0%80", content=ARTICLE[1:-1], headers=PLAIN
    )
    assert response.status_code == 400 and response.json()["option"] == "format"


class StandIn(ExtractiveEngine):
    """The extractive engine behind a hook that runs first in the analysis thread: burn CPU,
    block, or fail, as a pathological article or a broken engine would."""

    def __init__(self, hook: Any = None) -> None:
        self.hook = hook

    def generate(
        self,
        article: Article,
        analysis: Analysis,
        prompt: PromptTemplate | None,
        deadline: float | None = None,
    ) -> EngineResult:
        if self.hook is not None:
            self.hook()
        return super().generate(article, analysis, prompt, deadline)


def _client_with(engine: StandIn, tmp_path: Path, **settings: Any) -> TestClient[Litestar]:
    values: dict[str, Any] = {
        "default_engine": "extractive",
        "load_model_at_startup": False,
        "model_cache_dir": tmp_path,
        "cache_size": 0,
        **settings,
    }
    config = Settings(**values)
    service = SummaryService(config, registry=EngineRegistry(config, {"extractive": engine}))
    return TestClient(app=create_app(config, service), raise_server_exceptions=False)


class LogLines(logging.Handler):
    """What the server logs, from the moment it is attached (after the app configured logging at
    startup, which replaces the root logger's handlers, pytest's caplog among them)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())

    @contextmanager
    def attached(self) -> Iterator[LogLines]:
        root = logging.getLogger()
        root.addHandler(self)
        try:
            yield self
        finally:
            root.removeHandler(self)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _burn_cpu(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        sum(range(1_000))  # pure Python: holds the GIL as the analyser does


def test_healthz_answers_while_an_article_is_analysed(tmp_path: Path) -> None:
    started = threading.Event()

    def slow_analysis() -> None:
        started.set()
        _burn_cpu(3.0)

    results: list[Any] = []
    with _client_with(StandIn(slow_analysis), tmp_path) as client:
        worker = threading.Thread(
            target=lambda: results.append(
                client.post("/v1/summaries", json={"text": seed_text(SEED_IDS[0])})
            )
        )
        worker.start()
        assert started.wait(10)
        timings = []
        for _ in range(5):
            before = time.perf_counter()
            assert client.get("/healthz").status_code == 200
            timings.append(time.perf_counter() - before)
        busy = worker.is_alive()
        worker.join(30)
    assert busy, "the analysis finished before /healthz was asked: the test proved nothing"
    assert max(timings) < 0.5, timings  # it used to wait for the whole analysis (3 s)
    assert results[0].status_code == 200


def test_an_analysis_past_its_budget_is_a_422_that_says_what_to_do(tmp_path: Path) -> None:
    release = threading.Event()
    engine = StandIn(lambda: release.wait(20))
    with _client_with(engine, tmp_path, analysis_timeout_s=0.5, analysis_threads=1) as client:
        before = time.monotonic()
        first = client.post("/v1/summaries", json={"text": seed_text(SEED_IDS[0])})
        took = time.monotonic() - before
        # its thread still runs (a thread cannot be killed): no new analysis while it fills
        # the only analysis thread
        second = client.post("/v1/summaries", json={"text": seed_text(SEED_IDS[0])})
        release.set()
        deadline = time.monotonic() + 10
        third = client.post("/v1/summaries", json={"text": seed_text(SEED_IDS[0])})
        while third.status_code == 503 and time.monotonic() < deadline:
            time.sleep(0.05)
            third = client.post("/v1/summaries", json={"text": seed_text(SEED_IDS[0])})
    assert first.status_code == 422, first.text
    assert first.headers["content-type"].startswith(PROBLEM)
    assert "SUMMARIZER_ANALYSIS_TIMEOUT_S" in first.json()["detail"]
    assert "send the article text only" in first.json()["detail"]
    assert took < 5.0
    assert second.status_code == 503 and second.headers["retry-after"] == "30"
    assert "ran past" in second.json()["detail"]
    assert third.status_code == 200  # the runaway ended: analysis goes on


def test_no_free_analysis_thread_within_the_request_time_is_a_503(tmp_path: Path) -> None:
    release = threading.Event()
    engine = StandIn(lambda: release.wait(20))
    settings = {"analysis_threads": 1, "analysis_timeout_s": 10.0, "request_timeout_s": 0.5}
    results: list[Any] = []
    with _client_with(engine, tmp_path, **settings) as client:
        first = threading.Thread(
            target=lambda: results.append(client.post("/v1/summaries", json=TEXT))
        )
        first.start()
        time.sleep(0.3)  # the first request holds the only analysis thread
        second = client.post("/v1/summaries", json=TEXT)
        release.set()
        first.join(20)
    assert second.status_code == 503 and second.headers["retry-after"] == "30"
    assert "no analysis thread came free within 0.5 s" in second.json()["detail"]
    assert results[0].status_code == 200


def test_a_tight_timeout_s_does_not_stop_an_analysis(tmp_path: Path) -> None:
    # timeout_s bounds model time; analysis answers in milliseconds and is bounded by the server
    with _client_with(StandIn(lambda: time.sleep(0.3)), tmp_path) as client:
        response = client.post("/v1/summaries", json={**TEXT, "timeout_s": 1e-9})
    assert response.status_code == 200, response.text


def test_a_long_engine_error_is_capped_for_the_client_and_logged_whole(tmp_path: Path) -> None:
    dump = "MODEL-SAID " + "x" * 5_000

    def broken() -> None:
        raise EngineError(f"the engine failed: {dump}", engine="extractive")

    with _client_with(StandIn(broken), tmp_path) as client, LogLines().attached() as log:
        response = client.post("/v1/summaries", json={"text": seed_text(SEED_IDS[0])})
    assert response.status_code == 502
    detail = response.json()["detail"]
    assert len(detail) <= 300 and detail.startswith("the engine failed: MODEL-SAID")
    assert dump in log.text


def test_a_models_failed_answers_reach_the_log_not_the_client(tmp_path: Path) -> None:
    settings = Settings(
        default_engine="openai",
        load_model_at_startup=False,
        llm_timeout_s=5.0,
        request_timeout_s=8.0,
        max_retries=2,
        model_cache_dir=tmp_path,
        cache_size=0,
    )
    with (
        fake_llm_server("garbage") as (url, _),
        TestClient(app=create_app(settings.model_copy(update={"openai_base_url": url}))) as c,
        LogLines().attached() as log,
    ):
        response = c.post("/v1/summaries", json={"text": seed_text(SEED_IDS[0])})
    assert response.status_code == 502
    problem = response.json()
    assert problem["attempts"] == 3
    assert "3 attempt(s)" in problem["detail"] and "Invalid JSON" in problem["detail"]
    assert "I am sorry" not in problem["detail"] and len(problem["detail"]) <= 300
    assert "I am sorry, I cannot help with that." in log.text  # the operator sees it
