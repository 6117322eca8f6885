"""Shared fixtures: the seed cases, settings that never load the embedded model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from summarizer.api.app import create_app
from summarizer.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEED_IDS = ("000_e5a4ada6868b4a8e", "003_a749de6f848d4ae8")


def seed_text(case: str) -> str:
    """The article of a case in `seeds/`, by id or id prefix ("000"); a missing or ambiguous
    case fails the test rather than skipping it."""
    found = sorted((ROOT / "seeds").glob(f"{case}*/article.txt"))
    if len(found) != 1:
        raise FileNotFoundError(f"expected one case matching '{case}' in seeds/, found {found}")
    return found[0].read_text(encoding="utf-8")


@pytest.fixture
def extractive_settings(tmp_path: Path) -> Settings:
    return Settings(
        default_engine="extractive",
        load_model_at_startup=False,
        model_cache_dir=tmp_path / "models",
        _env_file=None,  # type: ignore[call-arg]
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


# where `scripts/record-cassettes.sh` runs llama.cpp's OpenAI-compatible server
RECORDING_BASE_URL = "http://127.0.0.1:8080/v1"
