"""Does generated text give each figure to the source the article gives it to?

Small models move numbers between claimants ("17,000 losses, according to Ukraine" when an
anonymous officer said it). This check needs no model: every number in a generated sentence that
the analyser attributed to a source must have that source named in the same sentence (by any
word of its name or role, e.g. a surname or "UN").
"""

from __future__ import annotations

import re

from summarizer.analysis.numbers import find_numbers
from summarizer.analysis.types import Analysis, FigureCandidate, SourceMention
from summarizer.checks.text import same_value

_SENTENCES = re.compile(r"[^.!?]+(?:[.!?]+[\"”’]?|$)")
_NAME_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w'’-]+")
# words of a name or role too common to show that the source is named
_GENERIC = frozenset(
    {
        "the",
        "and",
        "of",
        "for",
        "who",
        "said",
        "former",
        "senior",
        "official",
        "officials",
        "city",
        "city's",
        "state",
        "national",
        "with",
        "from",
        "that",
        "this",
        "not",
        "named",
    }
)


def misattributed_figures(analysis: Analysis, generated: str) -> list[str]:
    """Problems, one per figure stated without (any of) its article source in its sentence."""
    problems = []
    for sentence in _SENTENCES.findall(generated):
        lowered = sentence.lower()
        for mention in find_numbers(sentence, []):
            if mention.kind != "figure":
                continue
            sources = _sources_of(analysis.figures, mention.value)
            if sources and not any(_named_in(s, lowered) for s in sources):
                who = " or ".join(sorted({_describe(s) for s in sources}))
                problems.append(
                    f"'{mention.text}' is stated by {who} in the article; "
                    "name that source in the same sentence"
                )
    return problems


_CLAIMANT = re.compile(
    r"\b[Aa]ccording to (?:the |a |an )?(?P<after>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)"
    r"|(?P<before>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*) (?:says|said|say|reports|reported|"
    r"estimates|estimated|confirmed|claims|claimed)\b"
)
_NOT_A_NAME = frozenset({"The", "A", "An", "It", "He", "She", "They", "This", "That", "Officials"})


def unknown_sources(article: str, generated: str) -> list[str]:
    """Claimants named in generated text that the article never names: invented attribution."""
    problems = []
    for match in _CLAIMANT.finditer(generated):
        name = (match.group("after") or match.group("before") or "").strip(" .'’")
        words = [w for w in name.split() if w not in _NOT_A_NAME]
        if not words:
            continue
        name = " ".join(words)
        # any distinctive word of the name will do: titles and spellings vary ("Mayor X")
        stems = [re.sub(r"['’]s$", "", w) for w in words if len(w) > 2 or w.isupper()]
        if stems and not any(re.search(rf"(?<!\w){re.escape(s)}(?!\w)", article) for s in stems):
            problems.append(f"'{name}' is not named in the article; attribute only to its sources")
    return problems


def changed_qualifiers(analysis: Analysis, generated: str) -> list[str]:
    """'at least 300' where the article says 'as many as 300': a flipped bound changes the news."""
    problems = []
    for mention in find_numbers(generated, []):
        if mention.kind != "figure" or mention.qualifier == "exact":
            continue
        stated = [f.number for f in analysis.figures if same_value(mention.value, f.number.value)]
        if stated and all(n.qualifier != mention.qualifier for n in stated):
            problems.append(
                f"'{mention.text}' changes the article's '{stated[0].text}'; keep its wording"
            )
    return problems


def _sources_of(figures: list[FigureCandidate], value: float) -> list[SourceMention]:
    """Sources of the article figures with this value; empty if any of them has none."""
    matching = [f for f in figures if same_value(value, f.number.value)]
    if not matching or any(f.source is None for f in matching):
        return []
    return [f.source for f in matching if f.source is not None]


def _named_in(source: SourceMention, lowered_sentence: str) -> bool:
    names = [source.name, *source.aliases, source.role or ""]
    for name in names:
        for word in _NAME_WORD.findall(name):
            folded = word.lower()
            if folded in _GENERIC or (len(folded) < 4 and not word.isupper()):
                continue
            if re.search(rf"\b{re.escape(folded)}", lowered_sentence):
                return True
    return False


def _describe(source: SourceMention) -> str:
    return f"{source.name} ({source.role})" if source.role else source.name
