"""Rate limits counted in Redis: one allowance across separate app processes (two apps here, as
`serve --workers 2` or two replicas would be), and a Redis outage lets requests through instead
of failing them."""

from __future__ import annotations

import socket
import time
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path
from typing import Any

from litestar import Litestar
from litestar.testing import TestClient

from tests.support.apps import app_client

TEXT = "The council said 40 homes were flooded on Monday."


def _client(tmp_path: Path, **overrides: Any) -> AbstractContextManager[TestClient[Litestar]]:
    # the response cache off: every request reaches the limiter and the pipeline
    return app_client(tmp_path, cache_size=0, **overrides)


def _post(client: TestClient[Litestar], key: str) -> int:
    response = client.post("/v1/summaries", json={"text": TEXT}, headers={"X-API-Key": key})
    return response.status_code


def test_redis_rate_limit_is_one_allowance_across_apps(tmp_path: Path, redis_url: str) -> None:
    key = f"k{time.time_ns()}"  # a fresh client identity on the session-wide Redis
    limited = {"rate_limit_per_minute": 3, "api_keys": key, "redis_url": redis_url}
    with ExitStack() as stack:
        first = stack.enter_context(_client(tmp_path, **limited))
        second = stack.enter_context(_client(tmp_path, **limited))
        statuses = [_post(first, key), _post(second, key), _post(first, key), _post(second, key)]
    assert statuses == [200, 200, 200, 429]


def test_without_redis_each_app_counts_alone(tmp_path: Path) -> None:
    key = "solo"
    limited = {"rate_limit_per_minute": 1, "api_keys": key}
    with ExitStack() as stack:
        first = stack.enter_context(_client(tmp_path, **limited))
        second = stack.enter_context(_client(tmp_path, **limited))
        statuses = [_post(first, key), _post(second, key), _post(first, key)]
    assert statuses == [200, 200, 429]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_unreachable_redis_lets_requests_through(tmp_path: Path) -> None:
    dead = f"redis://127.0.0.1:{_closed_port()}/0"
    limited = {"rate_limit_per_minute": 1, "api_keys": "k", "redis_url": dead}
    with _client(tmp_path, **limited) as client:
        started = time.monotonic()
        statuses = [_post(client, "k") for _ in range(3)]
        elapsed = time.monotonic() - started
    assert statuses == [200, 200, 200]  # no count could be kept: nobody is refused
    assert elapsed < 10  # each failed count is bounded by the store's socket timeouts
