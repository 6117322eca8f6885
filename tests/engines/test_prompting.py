"""Prompt versions: published ones are frozen; rendering is sandboxed and strict."""

from __future__ import annotations

import json

import pytest

from summarizer.engines.prompting import PromptLibrary, PromptRenderError, PromptTemplate
from summarizer.errors import UnknownOption
from tests.support import ROOT

PROMPTS = ROOT / "prompts"


def test_published_versions_are_never_edited() -> None:
    library = PromptLibrary(PROMPTS)
    assert library.versions(), "no prompt versions found"
    for version in library.versions():
        template = library.get(version)
        meta = json.loads((PROMPTS / version / "meta.json").read_text())
        if template.status == "published":
            assert meta["sha256"] == template.digest, (
                f"prompt {version} is published and was edited: make a new version instead"
            )


def test_unknown_version_names_the_known_ones() -> None:
    with pytest.raises(UnknownOption, match=r"known versions: .*v1"):
        PromptLibrary(PROMPTS).get("v999")


def test_rendering_is_sandboxed() -> None:
    hostile = PromptTemplate("x", "{{ ''.__class__.__mro__[1].__subclasses__() }}", "u", "", "")
    with pytest.raises(PromptRenderError):
        hostile.render()


def test_missing_variable_is_an_error_not_blank_text() -> None:
    with pytest.raises(PromptRenderError, match="undefined"):
        PromptTemplate("x", "{{ missing }}", "u", "", "").render()
