"""Serving under load: the event loop stays free during a generation; a full queue says 503."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from litestar.testing import TestClient

from summarizer.api.app import create_app
from summarizer.settings import Settings
from tests.support import SEED_IDS, seed_text
from tests.support.fake_llm import fake_llm_server


def _slow_model_settings(url: str, tmp_path: Path) -> Settings:
    return Settings(
        default_engine="openai",
        openai_base_url=url,
        load_model_at_startup=False,
        llm_timeout_s=10.0,
        request_timeout_s=15.0,
        max_retries=0,
        max_queue=0,
        model_cache_dir=tmp_path,
    )


def test_health_answers_and_a_full_queue_is_503_during_a_slow_generation(
    tmp_path: Path,
) -> None:
    results: dict[str, Any] = {}
    with (
        fake_llm_server("slow", delay_s=0.6) as (url, requests),
        TestClient(app=create_app(_slow_model_settings(url, tmp_path))) as client,
    ):

        def first_request() -> None:
            results["first"] = client.post("/v1/summaries", json={"text": seed_text(SEED_IDS[0])})

        worker = threading.Thread(target=first_request)
        worker.start()
        deadline = time.monotonic() + 5
        while not requests and time.monotonic() < deadline:  # the model is now busy
            time.sleep(0.05)
        started = time.monotonic()
        health = client.get("/healthz")
        health_s = time.monotonic() - started
        second = client.post("/v1/summaries", json={"text": seed_text(SEED_IDS[1])})
        worker.join(timeout=20)
    assert requests, "the first request never reached the model"
    assert health.status_code == 200 and health_s < 1.0
    assert second.status_code == 503
    assert second.headers["retry-after"] == "30"
    assert "busy" in second.json()["detail"]
    # the first one went through (the slow model answered an invalid draft -> extractive kept)
    assert results["first"].status_code == 200
