"""The response cache: keys, what is never stored, memory LRU and a real Redis, over HTTP."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any

import anyio
import pytest

from summarizer.cache import (
    OUTPUT_SETTINGS,
    MemoryCache,
    RedisCache,
    cache_key,
    cacheable,
    code_fingerprint,
)
from summarizer.models import Meta, SummaryRequest, SummaryResponse
from tests.support import SEED_IDS, seed_text
from tests.support.apps import app_client, app_settings
from tests.support.fake_llm import fake_llm_server

ARTICLE = seed_text(SEED_IDS[0])
OTHER_ARTICLE = seed_text(SEED_IDS[1])


def _without_meta(body: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in body.items() if name != "meta"}


def _response(**meta: Any) -> SummaryResponse:
    return SummaryResponse(headline="h", summary="s", meta=Meta(**{"engine": "local", **meta}))


# --- over HTTP, in memory -------------------------------------------------------------------


def test_a_repeated_article_answers_from_the_cache(tmp_path: Path) -> None:
    with app_client(tmp_path) as client:
        first = client.post("/v1/summaries", json={"text": ARTICLE})
        # another deadline, another request id: the same summary
        second = client.post(
            "/v1/summaries",
            json={"text": ARTICLE, "timeout_s": 7},
            headers={"X-Request-ID": "again"},
        )
    assert first.headers["x-cache"] == "miss" and second.headers["x-cache"] == "hit"
    assert first.json()["meta"]["cached"] is False
    meta = second.json()["meta"]
    assert meta["cached"] is True and meta["request_id"] == "again"
    assert meta["latency_ms"] <= 5  # the lookup, not the analysis
    assert _without_meta(second.json()) == _without_meta(first.json())


@pytest.mark.parametrize(
    "change",
    [
        {"text": OTHER_ARTICLE},
        {"title": "A title changes the article"},
        {"published_at": "2022-03-10"},
        {"prompt_version": "v1"},
    ],
)
def test_what_changes_the_output_misses(tmp_path: Path, change: dict[str, str]) -> None:
    with app_client(tmp_path) as client:
        client.post("/v1/summaries", json={"text": ARTICLE})
        response = client.post("/v1/summaries", json={"text": ARTICLE, **change})
    assert response.status_code == 200
    assert response.headers["x-cache"] == "miss"


def test_briefs_share_the_cache_with_summaries(tmp_path: Path) -> None:
    with app_client(tmp_path) as client:
        client.post("/v1/summaries", json={"text": ARTICLE})
        brief = client.post("/v1/briefs?format=markdown", json={"text": ARTICLE})
    assert brief.status_code == 200 and brief.headers["x-cache"] == "hit"


def test_errors_are_never_cached(tmp_path: Path) -> None:
    with app_client(tmp_path) as client:
        unknown = [
            client.post("/v1/summaries", json={"text": ARTICLE, "prompt_version": "v999"})
            for _ in range(2)
        ]
        empty = [client.post("/v1/summaries", json={"text": " "}) for _ in range(2)]
    assert [r.status_code for r in unknown] == [400, 400]
    assert [r.status_code for r in empty] == [422, 422]
    assert all(r.headers.get("x-cache") != "hit" for r in unknown + empty)


def test_a_model_fallback_is_not_pinned(tmp_path: Path) -> None:
    # the model's drafts fail their checks: the extractive result with warnings, each time anew
    with fake_llm_server("invalid_draft") as (url, requests):
        overrides = {"default_engine": "openai", "openai_base_url": url, "max_retries": 0}
        with app_client(tmp_path, **overrides) as client:
            responses = [client.post("/v1/summaries", json={"text": ARTICLE}) for _ in range(2)]
    assert [r.status_code for r in responses] == [200, 200]
    assert [r.headers["x-cache"] for r in responses] == ["miss", "miss"]
    assert all(r.json()["meta"]["warnings"] for r in responses)
    assert len(requests) == 2  # the model was asked again


def test_cache_size_zero_turns_the_cache_off(tmp_path: Path) -> None:
    with app_client(tmp_path, cache_size=0) as client:
        responses = [client.post("/v1/summaries", json={"text": ARTICLE}) for _ in range(2)]
    assert all("x-cache" not in r.headers for r in responses)
    assert all(r.json()["meta"]["cached"] is False for r in responses)


# --- the key and the rule -------------------------------------------------------------------


def test_the_key_covers_engine_settings_and_code_but_not_deadlines(tmp_path: Path) -> None:
    request = SummaryRequest(text=ARTICLE, engine="openai")
    settings = app_settings(tmp_path)
    key = cache_key(request, settings)
    assert cache_key(request.model_copy(update={"timeout_s": 3.0}), settings) == key
    unrelated = {"max_queue": 99, "llm_timeout_s": 1.0, "request_timeout_s": 2.0}
    assert cache_key(request, settings.model_copy(update=unrelated)) == key
    changed = {
        "openai_base_url": "http://127.0.0.1:9/v1",
        "openai_model": "other",
        "instructor_mode": "TOOLS",
        "temperature": 0.7,
        "max_retries": 0,
        "model_decisions": ["headline"],
        "max_output_tokens": 64,
    }
    assert set(changed) == set(OUTPUT_SETTINGS["openai"])
    for name, value in changed.items():
        assert cache_key(request, settings.model_copy(update={name: value})) != key, name
    local = request.model_copy(update={"engine": "local"})
    assert cache_key(local, settings) != key
    assert cache_key(local, settings.model_copy(update={"local_max_output_tokens": 10})) != (
        cache_key(local, settings)
    )
    assert len(code_fingerprint()) == 64


def test_only_what_the_engine_made_as_intended_is_cacheable() -> None:
    assert cacheable(_response(engine="extractive", warnings=["figure '3' dropped: not found"]))
    assert cacheable(_response(model="m", attempts=1, warnings=["quote by X repaired: case"]))
    assert not cacheable(_response(model="m", attempts=0))
    for warning in (
        "local: engine 'local' ran out of time after 1 attempt(s) (...); the extractive result "
        "was used",
        "local: no usable answer in 1 attempt(s) (ValidationError); extractive result used",
        "local: model output failed its checks after 2 attempt(s); used field by field",
    ):
        assert not cacheable(_response(model="m", attempts=1, warnings=[warning]))


def test_memory_cache_is_a_bounded_lru_with_a_ttl() -> None:
    async def scenario() -> None:
        cache = MemoryCache(max_entries=2, ttl_s=60)
        await cache.set("a", _response())
        await cache.set("b", _response())
        assert await cache.get("a") is not None  # a is now the most recent
        await cache.set("c", _response())
        assert len(cache) == 2 and await cache.get("b") is None
        assert await cache.get("a") is not None and await cache.get("c") is not None
        short = MemoryCache(max_entries=2, ttl_s=0.05)
        await short.set("a", _response())
        time.sleep(0.1)
        assert await short.get("a") is None and len(short) == 0

    anyio.run(scenario)


# --- Redis ----------------------------------------------------------------------------------


def test_redis_cache_is_shared_by_separate_apps(tmp_path: Path, redis_url: str) -> None:
    text = f"{ARTICLE}\n\n(redis test {time.time_ns()})"  # a fresh key on a session-wide Redis
    with app_client(tmp_path, cache_url=redis_url) as first:
        made = first.post("/v1/summaries", json={"text": text})
    with app_client(tmp_path, redis_url=redis_url) as second:  # the jobs setting is enough
        again = second.post("/v1/summaries", json={"text": text, "timeout_s": 5})
    assert made.headers["x-cache"] == "miss" and again.headers["x-cache"] == "hit"
    assert again.json()["meta"]["cached"] is True
    assert _without_meta(again.json()) == _without_meta(made.json())


def test_redis_entries_expire(redis_url: str) -> None:
    async def scenario() -> None:
        cache = RedisCache(redis_url, ttl_s=1)
        key = f"ttl-{time.time_ns()}"
        await cache.set(key, _response())
        assert await cache.get(key) is not None
        await anyio.sleep(2.1)
        assert await cache.get(key) is None
        await cache.close()

    anyio.run(scenario)


def test_redis_down_is_a_miss_not_an_error(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket closes
    started = time.monotonic()
    with app_client(tmp_path, cache_url=f"redis://127.0.0.1:{port}/0") as client:
        responses = [client.post("/v1/summaries", json={"text": ARTICLE}) for _ in range(2)]
    assert [r.status_code for r in responses] == [200, 200]
    assert [r.headers["x-cache"] for r in responses] == ["miss", "miss"]
    assert time.monotonic() - started < 10
