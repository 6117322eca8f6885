"""Issue 13: engines and the base install. Without the `local` extra, wrong options are still
400s, /readyz says the extractive engine works, and the local engine's 503 says what to install;
an engine whose model is not loaded yet loads in the background, never inside a request."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from summarizer.api.app import create_app
from summarizer.engines import registry
from summarizer.engines.base import MODEL_ENGINE
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.errors import EngineUnavailable
from summarizer.settings import Settings
from tests.support import SEED_IDS, seed_text

ARTICLE = {"text": "The council approved 12 new homes on Monday, the mayor said."}


def _settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "default_engine": "local",
        "load_model_at_startup": False,
        "model_cache_dir": tmp_path,
        "cache_size": 0,
        **overrides,
    }
    return Settings(**values)


@pytest.fixture
def without_local_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if `pip install news-summarizer` ran without `[local]`: llama_cpp cannot be imported."""
    monkeypatch.setitem(sys.modules, "llama_cpp", None)
    with pytest.raises(ImportError):
        import llama_cpp  # noqa: F401
    assert not registry.local_extra_installed()


@pytest.fixture
def base_install(without_local_extra: None, tmp_path: Path) -> Iterator[TestClient[Litestar]]:
    with TestClient(app=create_app(_settings(tmp_path))) as client:
        yield client


def test_an_unknown_prompt_version_is_400_not_503(base_install: TestClient[Litestar]) -> None:
    for body in ({**ARTICLE, "prompt_version": "v999"}, {**ARTICLE, "engine": "local"}):
        response = base_install.post("/v1/summaries", json={**body, "prompt_version": "v999"})
        assert response.status_code == 400, response.text
        assert response.json()["option"] == "prompt_version"


def test_readyz_reports_the_extractive_engine_ready(base_install: TestClient[Litestar]) -> None:
    response = base_install.get("/readyz")
    body = response.json()
    assert body["engines"]["extractive"] is True
    assert body["engines"]["local"] is False
    assert response.status_code == 503 and body["ready"] is False  # the default is local


def test_the_local_engine_says_what_to_install(base_install: TestClient[Litestar]) -> None:
    started = time.monotonic()
    response = base_install.post("/v1/summaries", json=ARTICLE)
    assert response.status_code == 503, response.text
    assert "news-summarizer[local]" in response.json()["detail"]
    assert time.monotonic() - started < 5.0
    extractive = base_install.post("/v1/summaries", json={**ARTICLE, "engine": "extractive"})
    assert extractive.status_code == 200


def test_briefs_behave_the_same_without_the_extra(base_install: TestClient[Litestar]) -> None:
    wrong = base_install.post("/v1/briefs", json={**ARTICLE, "prompt_version": "nope"})
    assert wrong.status_code == 400
    brief = base_install.post("/v1/briefs", json={**ARTICLE, "engine": "extractive"})
    assert brief.status_code == 200 and brief.text.startswith("# ")


class SlowLoadingModel:
    """Stands in for the local engine: building it blocks (as loading 1.1 GB does) until
    `loaded` is set; then it answers like the extractive engine."""

    capabilities = MODEL_ENGINE

    def __init__(self, loaded: threading.Event, builds: list[float]) -> None:
        builds.append(time.monotonic())
        if not loaded.wait(20):
            raise EngineUnavailable("the stand-in model never loaded", engine="local")
        self.name = "local"
        self.inner = ExtractiveEngine()

    def generate(self, article: Any, analysis: Any, prompt: Any, deadline: Any = None) -> Any:
        result = self.inner.generate(article, analysis, None, deadline)
        result.model = self.model_name()
        return result

    def is_ready(self) -> bool:
        return True

    def model_name(self) -> str:
        return "stand-in"

    def close(self) -> None:
        return None


def test_a_model_loads_in_the_background_not_in_the_request(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    loaded, builds = threading.Event(), []
    real_build = registry.build_engine

    def build(name: str, settings: Settings) -> Any:
        if name == "local":
            return SlowLoadingModel(loaded, builds)
        return real_build(name, settings)

    monkeypatch.setattr(registry, "build_engine", build)
    monkeypatch.setattr(registry, "local_extra_installed", lambda: True)
    with TestClient(app=create_app(_settings(tmp_path))) as client:
        started = time.monotonic()
        first = client.post("/v1/summaries", json={"text": seed_text(SEED_IDS[0])})
        answered_in = time.monotonic() - started
        second = client.post("/v1/summaries", json={"text": seed_text(SEED_IDS[0])})
        ready_while_loading = client.get("/readyz").json()
        loaded.set()
        deadline = time.monotonic() + 10
        while not client.get("/readyz").json()["ready"] and time.monotonic() < deadline:
            time.sleep(0.05)
        third = client.post("/v1/summaries", json={"text": seed_text(SEED_IDS[0])})
    assert first.status_code == 503 and answered_in < 2.0
    assert first.json()["detail"] == "engine 'local' is loading; retry in 30 s"
    assert first.headers["retry-after"] == "30"
    assert second.status_code == 503
    assert len(builds) == 1  # one load, however many requests asked meanwhile
    assert ready_while_loading["engines"] == {"local": False, "openai": False, "extractive": True}
    assert third.status_code == 200, third.text
    assert third.json()["meta"]["model"] == "stand-in"


def test_a_failed_load_is_reported_and_tried_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    attempts: list[int] = []

    def build(name: str, settings: Settings) -> Any:
        attempts.append(1)
        raise EngineUnavailable("the model file is truncated", engine=name)

    monkeypatch.setattr(registry, "build_engine", build)
    monkeypatch.setattr(registry, "local_extra_installed", lambda: True)
    with TestClient(app=create_app(_settings(tmp_path))) as client:
        assert client.post("/v1/summaries", json=ARTICLE).status_code == 503
        deadline = time.monotonic() + 10
        while "error" not in client.get("/readyz").json() and time.monotonic() < deadline:
            time.sleep(0.05)
        readyz = client.get("/readyz").json()
        again = client.post("/v1/summaries", json=ARTICLE)
    assert readyz["error"] == "the model file is truncated"
    assert again.status_code == 503
    assert "loading it failed (the model file is truncated); trying again" in again.text
    assert len(attempts) >= 2
