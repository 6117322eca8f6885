"""The HTTP API through Litestar's test client: seeds in, grounded JSON out; bad input in,
problem+json out, never a 500."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from tests.support import ROOT, SEED_IDS, seed_text

RESPONSE_SCHEMA = json.loads((ROOT / "schemas" / "summary_response.schema.json").read_text())
PROBLEM = "application/problem+json"


def all_spans(body: dict[str, Any]) -> list[dict[str, Any]]:
    spans = [f["evidence"] for f in body["figures"]]
    spans += [s for e in body["events"] for s in e["evidence"]]
    spans += [q for s in body["sources"] for q in s["quotes"]]
    spans += body["loaded_language"]
    return spans


@pytest.mark.parametrize("case_id", SEED_IDS)
def test_seed_article_gives_a_grounded_schema_valid_summary(
    client: TestClient[Litestar], case_id: str
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    text = seed_text(case_id)
    response = client.post("/v1/summaries", json={"text": text, "engine": "extractive"})
    assert response.status_code == 200, response.text
    body = response.json()
    jsonschema.validate(body, RESPONSE_SCHEMA)
    assert body["figures"] and body["sources"] and body["headline"]
    for span in all_spans(body):
        assert text[span["start"] : span["end"]] == span["text"]
    assert body["meta"]["engine"] == "extractive"


def test_plain_text_body_is_the_article(client: TestClient[Litestar]) -> None:
    text = seed_text(SEED_IDS[0])
    response = client.post(
        "/v1/summaries", content=text.encode(), headers={"content-type": "text/plain"}
    )
    assert response.status_code == 200
    assert any(f["value"] == 364 for f in response.json()["figures"])


def _problem(response: Any, status: int, words: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    problem: dict[str, Any] = response.json()
    assert problem["status"] == status
    assert words in problem["detail"]
    return problem


@pytest.mark.parametrize(
    ("body", "headers", "status", "words"),
    [
        (b'{"text": "   \\n "}', {"content-type": "application/json"}, 422, "empty"),
        (b"", {"content-type": "text/plain"}, 422, "empty"),
        (b"\xff\xfeabc", {"content-type": "text/plain"}, 400, "UTF-8"),
        (b"<p>hi</p>", {"content-type": "text/html"}, 415, "text/html"),
        (b"text", {}, 415, "none"),
        (b'{"text": "abc"', {"content-type": "application/json"}, 400, "not valid JSON"),
        (b'["a list"]', {"content-type": "application/json"}, 400, "must be an object"),
        (b'{"txt": "typo"}', {"content-type": "application/json"}, 422, "text"),
        (b'{"text": 42}', {"content-type": "application/json"}, 422, "text"),
        (b'{"text": "abc", "engine": "gpt-9"}', {"content-type": "application/json"}, 400, "gpt-9"),
        (
            b'{"text": "abc", "prompt_version": "v999"}',
            {"content-type": "application/json"},
            400,
            "v999",
        ),
    ],
)
def test_bad_input_gives_a_problem_a_person_can_act_on(
    client: TestClient[Litestar], body: bytes, headers: dict[str, str], status: int, words: str
) -> None:
    _problem(client.post("/v1/summaries", content=body, headers=headers), status, words)


def test_article_over_the_limit_is_413(client: TestClient[Litestar]) -> None:
    too_long = "word " * 13_000  # 65,000 characters > 60,000 default
    response = client.post("/v1/summaries", json={"text": too_long})
    problem = _problem(response, 413, "60,000")
    assert problem["limit"] == 60_000


def test_body_over_the_byte_limit_is_413(client: TestClient[Litestar]) -> None:
    response = client.post(
        "/v1/summaries", content=b"x" * 600_000, headers={"content-type": "text/plain"}
    )
    assert response.status_code == 413
    assert response.headers["content-type"].startswith(PROBLEM)


def test_unknown_route_and_method_are_problems(client: TestClient[Litestar]) -> None:
    assert client.get("/v1/nothing").headers["content-type"].startswith(PROBLEM)
    response = client.get("/v1/summaries")
    assert response.status_code == 405


def test_health_and_readiness(client: TestClient[Litestar]) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    # the extractive engine (the default here) needs no loading: ready before any request
    assert ready.status_code == 200 and ready.json()["ready"] is True
    assert ready.json()["engines"]["extractive"] is True
    assert ready.json()["engines"]["local"] is False  # never loaded in these tests
    client.post("/v1/summaries", json={"text": "The council approved 12 new homes."})
    assert client.get("/readyz").json()["ready"] is True


def test_openapi_documents_the_endpoint_with_an_example(client: TestClient[Litestar]) -> None:
    schema = client.get("/schema/openapi.json").json()
    operation = schema["paths"]["/v1/summaries"]["post"]
    content = operation["requestBody"]["content"]
    assert {"application/json", "text/plain"} <= set(content)
    assert "364" in json.dumps(content["application/json"]["examples"])
    assert {"413", "415", "502", "503", "504"} <= set(operation["responses"])


def test_never_a_500_on_odd_but_valid_articles(client: TestClient[Litestar]) -> None:
    odd_articles = [
        "1 2 3 4 5 6 7 8 9 10 " * 50,
        "<html><body><p>Prices rose 5% in May.</p></body></html>",
        "Число погибших выросло до 12, сообщили власти.",
        "“Unclosed quote and 3,000 people",
        "\u0000\u2028 weird\tcontrol characters 7",
    ]
    for text in odd_articles:
        response = client.post("/v1/summaries", json={"text": text, "engine": "extractive"})
        assert response.status_code == 200, (text, response.text)


def test_seed_files_exist_for_the_api_tests() -> None:
    for case_id in SEED_IDS:
        assert Path(ROOT / "seeds" / case_id / "article.txt").is_file()


def test_the_documented_problem_schema_has_every_field_a_problem_carries(
    client: TestClient[Litestar],
) -> None:
    from summarizer.api.problems import ProblemDetails

    schemas = client.get("/schema/openapi.json").json()["components"]["schemas"]
    documented = next(s for name, s in schemas.items() if name.endswith("ProblemDetails"))
    assert set(documented["properties"]) == set(ProblemDetails.model_fields)
