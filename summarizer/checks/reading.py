"""Checks of a model's reading (prompt v3): claimants, speakers and events it proposes.

A model answer replaces the analyser's only when it passes: the name is one the article gives,
near the item; an event cites sentences that exist and states no number they do not; a headline
puts each number next to what it counts. Each check returns problems as sentences a model can
act on (instructor sends them back as a re-ask).
"""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary
from summarizer.analysis.merging import edit_distance
from summarizer.analysis.numbers import find_numbers
from summarizer.analysis.types import Analysis, FigureCandidate, Sentence
from summarizer.checks.text import same_value, text_problems

_WORD = re.compile(r"[A-Za-z][\w'\u2019-]+")
_STOP_WORDS = (
    "the a an of in on at to by and or but with for from as is are was were "
    "has have had that this these those more than about nearly least most people"
)
_STOP = frozenset(_STOP_WORDS.split())
NEIGHBOURHOOD = 2  # sentences either side of an item where its speaker must be named


def name_near(analysis: Analysis, name: str, sentence: int) -> bool:
    """Whether `name` (or its last word, a surname) occurs within NEIGHBOURHOOD sentences."""
    sentences = analysis.sentences
    low, high = max(0, sentence - NEIGHBOURHOOD), min(len(sentences), sentence + NEIGHBOURHOOD + 1)
    nearby = " ".join(s.text for s in sentences[low:high])
    last = name.split()[-1] if name.split() else name
    return name in nearby or bool(re.search(rf"\b{re.escape(last)}\b", nearby))


def claimant_problems(analysis: Analysis, figure: FigureCandidate, name: str) -> list[str]:
    """The model may name a claimant only where the article shows it: in the figure's own clause
    ('below the 6.1bn euros analysts had expected'), or, for a figure whose sentence credits no
    one, in the sentence before. 'none' never erases a claimant the analyser found."""
    if name == "none":
        if figure.source is not None:
            return [f"'{figure.number.text}' is credited in the article; 'none' is not an answer"]
        return []
    if not name_near(analysis, name, figure.number.sentence):
        return [f"'{name}' is not named near the figure '{figure.number.text}'; choose a name "
                "the article gives close to it, or none"]  # fmt: skip
    if not _named_in(name, _clause_of(analysis, figure)) and not _carried_over(
        analysis, figure, name
    ):
        return [f"'{name}' is not in the clause that gives '{figure.number.text}'"]
    return []


def _named_in(name: str, text: str) -> bool:
    """The name, or a proper name's last word ('Markushin' for 'Oleksandr Markushin'); a
    description ('an insurgent source') must stand whole: 'a local police source' is another."""
    bare = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
    if bare.lower() in text.lower():
        return True
    last = name.split()[-1] if name.split() else name
    return last[:1].isupper() and bool(re.search(rf"\b{re.escape(last)}\b", text))


def _carried_over(analysis: Analysis, figure: FigureCandidate, name: str) -> bool:
    """No claimant in the figure's sentence: the one named in the sentence before may go on,
    or the one closing the paragraph ('..., the API said.') for its opening sentence."""
    at = figure.number.sentence
    if figure.attribution.method == "paragraph_close" and at + 1 < len(analysis.sentences):
        return _named_in(name, analysis.sentences[at + 1].text)
    if figure.attribution.method != "carried_over" or at == 0:
        return False
    return _named_in(name, analysis.sentences[at - 1].text)


def event_problems(
    article: str,
    analysis: Analysis,
    description: str,
    cited: list[Sentence],
    actors: list[str],
) -> list[str]:
    """An event must cite sentences, state only numbers they state, name actors the article
    names, and use no loaded word."""
    if not cited:
        return ["an event must cite the numbers of the sentences that report it"]
    problems = []
    evidence = " ".join(s.text for s in cited)
    stated = [m.value for m in find_numbers(evidence, []) if m.kind == "figure"]
    for mention in find_numbers(description, []):
        if mention.kind == "figure" and not any(same_value(mention.value, v) for v in stated):
            problems.append(f"the event states '{mention.text}', which its sentences do not")
    problems += [f"actor '{a}' is not named in the article" for a in actors if a not in article]
    return problems + text_problems(article, analysis, description)


def misplaced_numbers(analysis: Analysis, headline: str) -> list[str]:
    """'Red Cross building attacked, killing more than 17,000' when 17,000 counts Russian
    troops lost: each number in a headline must stand with words of its own clause."""
    problems = []
    for mention in find_numbers(headline, []):
        if mention.kind != "figure":
            continue
        figures = [f for f in analysis.figures if same_value(f.number.value, mention.value)]
        if not figures:
            continue  # a number the article does not state: text_problems reports it
        around = _content_words(headline[max(0, mention.start - 40) : mention.end + 40])
        if not any(around & _content_words(_clause_of(analysis, f)) for f in figures):
            problems.append(
                f"'{mention.text}' in the headline is not next to what it counts in the article "
                f"({figures[0].measure}); keep each number with its own noun"
            )
    return problems


def _clause_of(analysis: Analysis, figure: FigureCandidate) -> str:
    return f"{analysis.text[figure.evidence_start : figure.evidence_end]} {figure.measure}"


def _content_words(text: str) -> set[str]:
    words = {w.lower().rstrip("s") for w in _WORD.findall(text)}
    return {w for w in words if len(w) > 2 and w not in _STOP}


# words that pass a verdict on what happened: a model may use one only where the article does
_VERDICTS = vocabulary.words("verdict_words")
_NOT_NEWS_NAMES = vocabulary.words("calendar_words") | {"the", "a", "an", "it"}
_IRREGULAR = vocabulary.words("irregular_finite_verbs")
_AUXILIARIES = frozenset(
    ["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
     "can", "could", "may", "might", "must", "should", "did", "does", "do"]
)  # fmt: skip
_DETERMINERS = frozenset(["a", "an", "the", "its", "their", "his", "her", "this", "these"])
_REPORTING = frozenset(["said", "says", "told", "reported", "announced", "added"])
_SUFFIX = re.compile(r"(?:ing|ed|es|s|ly|'s|\u2019s)$")
LEAD_SENTENCES = 3  # a headline's numbers come from the article's opening (reporting sentences)


def headline_drift(analysis: Analysis, extractive: str, headline: str) -> list[str]:
    """A model headline must tell the news the article opens with, as the extractive headline
    (cut from the lede) does: keep most of its names and some of its words, take numbers only
    from the opening sentences, and pass no verdict the article does not."""
    problems = []
    names = _names(extractive)
    kept = {n for n in names if _stem(n) in {_stem(w) for w in _WORD.findall(headline)}}
    first = _first_name(extractive)
    if names and (len(kept) * 2 < len(names) or (first is not None and first not in kept)):
        # most of the lede's names, and always its first: who acts in the news ('The Russian and
        # Syrian defence ministries accused U.S. forces' is not 'U.S. forces accused ...')
        missing = ", ".join(sorted(names - kept))
        problems.append(f"the headline drops who the opening is about ({missing})")
    words = {_stem(w) for w in _content_words(extractive)}
    shared = words & {_stem(w) for w in _content_words(headline)}
    if words and len(shared) < 0.3 * len(words):
        problems.append("the headline is not about the news the article opens with")
    verbs = _event_verbs(extractive)
    if verbs and not any(_same_verb(v, _stem(w)) for v in verbs for w in _WORD.findall(headline)):
        said = ", ".join(sorted(verbs))
        problems.append(f"the headline does not keep what happened in the opening ({said})")
    reporting = [s.text for s in analysis.sentences if s.is_reporting]
    lead = " ".join(reporting[:LEAD_SENTENCES])
    for mention in find_numbers(headline, []):
        if mention.kind == "figure" and not any(
            same_value(mention.value, m.value) for m in find_numbers(lead, [])
        ):
            problems.append(f"'{mention.text}' is not a number of the article's opening")
    text = analysis.text.lower()
    problems += [
        f"'{w}' passes a verdict the article does not"
        for w in {w.lower() for w in _WORD.findall(headline)} & _VERDICTS
        if w not in text
    ]
    return problems


def _event_verbs(text: str) -> set[str]:
    """Stems of the verbs that say what happened ('entered', 'was talking', 'cut'), not
    auxiliaries or reporting verbs."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w'\u2019-]*", text)]  # 'a' included
    verbs = set()
    for previous, word in zip(["", *words], words, strict=False):
        if word in _AUXILIARIES or word in _REPORTING or previous in _DETERMINERS:
            continue  # 'a besieged town': an adjective
        finite = word in _IRREGULAR or (word.endswith("ed") and len(word) > 4)
        if finite or (word.endswith("ing") and previous in _AUXILIARIES):
            verbs.add(_stem(word))
    return verbs


def _same_verb(stem: str, other: str) -> bool:
    """'ran'/'runs', 'fell'/'falls', 'struck'/'strikes': irregular forms differ by a vowel or
    two and share the first letter."""
    if stem == other:
        return True
    short = min(len(stem), len(other)) <= 5
    return short and stem[:1] == other[:1] and edit_distance(stem, other) <= 2


def _first_name(text: str) -> str | None:
    names = _names(text)
    return next((w for w in _WORD.findall(text) if w in names), None)


def _names(text: str) -> set[str]:
    words = _WORD.findall(text)
    return {w for w in words[1:] if w[:1].isupper() and w.lower() not in _NOT_NEWS_NAMES} | (
        {words[0]} if words and words[0].isupper() and len(words[0]) > 1 else set()
    )


def _stem(word: str) -> str:
    return _SUFFIX.sub("", word.lower())[:5]
