"""The editor page and POST /v1/briefs, through Litestar's TestClient.

The service is a stand-in that answers a hand-built response for seed 000, so these tests check
the routes and rendering, not an engine."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import TestClient

from summarizer.api.app import create_app
from summarizer.contract import ENGINE_NAMES
from summarizer.engines.base import NO_MODEL
from summarizer.engines.registry import EngineRegistry
from summarizer.errors import EngineTimeout
from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.service import SummaryService
from summarizer.settings import Settings
from tests.support import seed_text
from tests.support.brief_samples import response_000


class NamedEngine:
    """Stands in for an engine: only its name is asked for."""

    capabilities = NO_MODEL

    def __init__(self, name: str) -> None:
        self.name = name

    def close(self) -> None:
        return None


class CannedService(SummaryService):
    """Validates requests like the real service, answers the seed-000 response."""

    async def summarize_async(self, request: SummaryRequest) -> SummaryResponse:
        self.article_from(request)  # same input checks: empty, too long
        self.resolve(request)  # same engine checks: unknown or disabled
        if request.text.startswith("TIMEOUT"):
            raise EngineTimeout("engine 'local' gave no answer within 120 s", engine="local")
        return response_000(request.text)


@pytest.fixture
def article() -> str:
    return seed_text("000")


@pytest.fixture
def client() -> Iterator[TestClient]:  # type: ignore[type-arg]
    settings = Settings(default_engine="extractive", load_model_at_startup=False)
    engines: dict[str, Any] = {name: NamedEngine(name) for name in ENGINE_NAMES}
    service = CannedService(settings, registry=EngineRegistry(settings, engines))
    with TestClient(app=create_app(settings, service)) as test_client:
        yield test_client


def test_editor_page_has_labelled_form(client: TestClient) -> None:  # type: ignore[type-arg]
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    html = page.text
    for control in (
        'for="article-input"',
        'id="article-input"',
        'for="article-file"',
        'type="file"',
        'for="engine"',
        'id="engine"',
        'type="submit"',
    ):
        assert control in html
    assert 'value="extractive" selected' in html  # the default engine from settings
    assert 'role="alert"' in html and 'aria-live="polite"' in html
    assert "http://" not in html and "https://" not in html  # nothing loads from elsewhere


def test_static_assets_are_served(client: TestClient) -> None:  # type: ignore[type-arg]
    script = client.get("/static/editor.js")
    assert script.status_code == 200 and "/v1/briefs?format=bundle" in script.text
    assert client.get("/static/editor.css").status_code == 200


def test_brief_as_markdown(client: TestClient, article: str) -> None:  # type: ignore[type-arg]
    answer = client.post("/v1/briefs?format=markdown", json={"text": article})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/markdown")
    assert "| 1 | 364 | Ukrainian civilians confirmed killed | UN |" in answer.text


def test_markdown_is_the_default_format(client: TestClient, article: str) -> None:  # type: ignore[type-arg]
    answer = client.post("/v1/briefs", content=article, headers={"content-type": "text/plain"})
    assert answer.status_code == 200
    assert answer.text.startswith("# ")


def test_brief_as_html(client: TestClient, article: str) -> None:  # type: ignore[type-arg]
    answer = client.post("/v1/briefs?format=html", json={"text": article})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    assert '<article class="brief"' in answer.text
    assert '<td class="claimant" data-label="Says who">UN</td>' in answer.text


def test_brief_bundle_has_all_three(client: TestClient, article: str) -> None:  # type: ignore[type-arg]
    answer = client.post("/v1/briefs?format=bundle", json={"text": article})
    assert answer.status_code == 200
    body = answer.json()
    assert body["summary"]["figures"][0]["value"] == 364
    assert body["markdown"].startswith("# ") and '<article class="brief"' in body["html"]


def test_summaries_stay_json(client: TestClient, article: str) -> None:  # type: ignore[type-arg]
    answer = client.post(
        "/v1/summaries", json={"text": article}, headers={"accept": "text/markdown"}
    )
    assert answer.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize(
    ("query", "body", "status"),
    [
        ("?format=pdf", {"text": "Some article."}, 400),
        ("?format=html", {"text": "   "}, 422),
        ("?format=html", {"text": "Some article.", "engine": "nope"}, 400),
        ("?format=markdown", {"article": "wrong field"}, 422),
        ("?format=html", {"text": "TIMEOUT while summarising"}, 504),
    ],
)
def test_bad_input_is_problem_json(
    client: TestClient,
    query: str,
    body: dict[str, str],
    status: int,  # type: ignore[type-arg]
) -> None:
    answer = client.post(f"/v1/briefs{query}", json=body)
    assert answer.status_code == status
    assert answer.headers["content-type"].startswith("application/problem+json")
    problem = answer.json()
    assert problem["status"] == status and problem["title"] and problem["detail"]


def test_wrong_content_type_is_problem_json(client: TestClient) -> None:  # type: ignore[type-arg]
    answer = client.post("/v1/briefs", content=b"<x/>", headers={"content-type": "text/xml"})
    assert answer.status_code == 415
    assert answer.headers["content-type"].startswith("application/problem+json")
