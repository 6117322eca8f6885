"""An app on the extractive engine for API tests: settings that load no model and keep the
model cache in the test's own folder, and a Litestar test client over them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from litestar import Litestar
from litestar.testing import TestClient

from summarizer.api.app import create_app
from summarizer.settings import Settings


def app_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "default_engine": "extractive",
        "load_model_at_startup": False,
        "model_cache_dir": tmp_path / "models",
    }
    return Settings(**{**values, **overrides})


@contextmanager
def app_client(tmp_path: Path, **overrides: Any) -> Iterator[TestClient[Litestar]]:
    with TestClient(app=create_app(app_settings(tmp_path, **overrides))) as client:
        yield client
