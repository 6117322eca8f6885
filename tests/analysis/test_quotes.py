from __future__ import annotations

from summarizer.analysis import analyse
from summarizer.analysis.quotes import find_quote_spans, is_scare_quote
from summarizer.analysis.segment import segment
from tests.support import seed_text


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quote_spans(text, segment(text))]


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in analyse(text).quotes]


def test_curly_straight_and_misused_closing_marks() -> None:
    text = (
        'He said: “We will rebuild.” She replied: "Not soon." He added: ”This is just talk,” again.'
    )
    assert _quoted(text) == ["We will rebuild.", "Not soon.", "This is just talk"]


def test_quote_running_over_paragraphs_continues_same_speaker() -> None:
    text = (
        "Fire chief Dana Ortiz said: “The blaze spread fast.\n\n"
        "“Crews worked through the night.”\n\n"
        "Residents were allowed home on Sunday."
    )
    spans = find_quote_spans(text, segment(text))
    assert [s.continues for s in spans] == [False, True]
    assert _speakers(text) == [
        ("The blaze spread fast.", "Dana Ortiz"),
        ("Crews worked through the night.", "Dana Ortiz"),
    ]


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "The minister said: “We acted lawfully.\nThe opposition disagreed."
    assert _quoted(text) == ["We acted lawfully."]


def test_trailing_speaker_after_quote() -> None:
    text = "“This sentence sends a clear message,” said the district attorney, Sam Reed."
    assert _speakers(text) == [("This sentence sends a clear message", "Sam Reed")]


def test_pronoun_speaker_resolves_to_last_named_person() -> None:
    text = (
        "Economist Priya Nair warned that growth would slow. "
        "She added: “Households are already cutting back.”"
    )
    assert _speakers(text) == [("Households are already cutting back.", "Priya Nair")]


def test_scare_quotes_are_marked_and_only_attributed_with_a_clear_speaker() -> None:
    text = "The report called the plan “unworkable” in a “fragile” economy."
    assert all(is_scare_quote(q) for q in _quoted(text))
    orphan = "The “robust” review has been delayed for months."
    assert _speakers(orphan) == [("robust", None)]
    assert not is_scare_quote("We acted lawfully.")


def test_seed_000_quotes_and_speakers() -> None:
    text = seed_text("000")
    speakers = _speakers(text)
    assert speakers[0][1] == "Anton Garashchenko"
    assert speakers[0][0].startswith("There can be no green corridors")
    boychenko = [q for q, s in speakers if s == "Vadym Boychenko"]
    assert boychenko[0] == "They are destroying us."
    assert len(boychenko) == 4  # two quotes, each running over two paragraphs


def test_seed_003_quotes_and_speakers() -> None:
    text = seed_text("003")
    by_speaker: dict[str | None, list[str]] = {}
    for quote, speaker in _speakers(text):
        by_speaker.setdefault(speaker, []).append(quote)
    for name in ("Lyudmyla Denisova", "Oleksander Danylyuk", "Volodymyr Zelensky"):
        assert len(by_speaker[name]) >= 2, name
    assert by_speaker["Ruslan Martsynkiv"][0].startswith("I do not believe")
    assert by_speaker["Oleksander Danylyuk"][0] == "This is just regrouping"
    officer = by_speaker["A former western intelligence officer"]
    assert any("more than 17,000" in q for q in officer)
    for mention in analyse(text).quotes:
        assert text[mention.start : mention.end] == mention.text
        assert mention.text[0] not in '“”"' and mention.text[-1] not in '“”"'
