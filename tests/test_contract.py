"""The contract document in the repository is the shared one plus documented additions."""

from __future__ import annotations

import pytest

from summarizer.contract import ENGINE_NAMES, EngineName
from summarizer.settings import Settings
from tests.support import ROOT

SHARED = ROOT.parent / "shared" / "contract.md"


@pytest.mark.skipif(not SHARED.is_file(), reason="../shared/contract.md not available")
def test_the_repository_copy_starts_with_the_shared_contract_verbatim() -> None:
    local = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")
    assert local.startswith(SHARED.read_text(encoding="utf-8"))


def test_every_addition_named_in_the_document_exists_in_the_models() -> None:
    from summarizer.models import Figure, LoadedTerm, Meta, Span, SummaryBody, SummaryRequest

    assert {"timeout_s"} <= set(SummaryRequest.model_fields)
    assert "alignment" in Span.model_fields and "conflicts_with" in Figure.model_fields
    assert "disputes" in SummaryBody.model_fields and "attempts" in Meta.model_fields
    assert {"in_quote", "speaker"} <= set(LoadedTerm.model_fields)


def test_engine_names_come_from_one_place(extractive_settings: Settings) -> None:
    from summarizer.api.app import create_app

    assert ENGINE_NAMES == ("local", "openai", "extractive")
    assert Settings().enabled_engines == list(EngineName)
    openapi = create_app(extractive_settings).openapi_schema.to_schema()
    body = openapi["paths"]["/v1/summaries"]["post"]["requestBody"]["content"]
    engine = body["application/json"]["schema"]["properties"]["engine"]  # a name, or null
    assert engine["oneOf"][0]["enum"] == list(ENGINE_NAMES)
