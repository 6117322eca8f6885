"""`schemas/` is generated from the models; it must never drift from them."""

from __future__ import annotations

from pathlib import Path

from summarizer.schema_export import schema_texts

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def test_committed_schemas_match_the_models() -> None:
    for name, text in schema_texts().items():
        committed = (SCHEMAS / name).read_text(encoding="utf-8")
        assert committed == text, f"{name} drifted: run `summarizer schemas` and commit"


def test_response_schema_documents_every_contract_field() -> None:
    text = schema_texts()["summary_response.schema.json"]
    for field in (
        "headline",
        "summary",
        "events",
        "figures",
        "sources",
        "loaded_language",
        "meta",
        "evidence",
        "qualifier",
        "status",
        "prompt_version",
        "warnings",
    ):
        assert f'"{field}"' in text
