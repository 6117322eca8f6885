"""Helpers for neutraliser tests: one way to say 'rewritten to this', 'found as this entry' and
'left alone', shared by every lexicon test file."""

from __future__ import annotations

from summarizer.analysis.loaded import find_loaded, loaded_terms_in, neutralise


def assert_neutralised(loaded: str, neutral: str) -> None:
    """`loaded` is rewritten to `neutral`, and nothing loaded is left in it."""
    assert neutralise(loaded) == neutral
    assert loaded_terms_in(neutral) == []


def assert_left_alone(sentence: str) -> None:
    """Nothing in `sentence` is loaded: the neutraliser keeps it word for word."""
    assert neutralise(sentence) == sentence
    assert loaded_terms_in(sentence) == []


def assert_found(
    sentence: str, term: str | None, neutral: str | None, category: str | None
) -> None:
    """`term` is found in `sentence` with its neutral and category (None: nothing is found)."""
    found = [(m.text, m.neutral, m.category) for m in find_loaded(sentence, [])]
    if term is None:
        assert found == []
    else:
        assert (term, neutral, category) in found
