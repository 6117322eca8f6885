"""Shared fixtures: an isolated environment for every test, settings that never load the
embedded model, an app client, the cassette configuration."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from summarizer.api.app import create_app
from summarizer.settings import Settings, get_settings

# `redis_url`: a real redis-server on a free 127.0.0.1 port, started on first use per session.
pytest_plugins = ["tests.support.redis_server"]


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No SUMMARIZER_* variable or `.env` file of the developer's machine reaches a test."""
    for name in list(os.environ):
        if name.startswith("SUMMARIZER_"):
            monkeypatch.delenv(name)
    monkeypatch.setitem(Settings.model_config, "env_file", None)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def extractive_settings(tmp_path: Path) -> Settings:
    return Settings(
        default_engine="extractive",
        load_model_at_startup=False,
        model_cache_dir=tmp_path / "models",
    )


@pytest.fixture
def client(extractive_settings: Settings) -> Iterator[TestClient[Litestar]]:
    with TestClient(app=create_app(extractive_settings)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, object]:
    """Cassettes hold real traffic from a llama.cpp server on 127.0.0.1; no secrets in them."""
    return {
        "filter_headers": ["authorization", "api-key", "x-api-key", "openai-organization"],
        "match_on": ["method", "scheme", "host", "port", "path", "body"],
        "decode_compressed_response": True,
    }
