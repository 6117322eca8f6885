"""Editor's briefs: a SummaryResponse rendered as Markdown or as an HTML fragment.

A brief reads top-down: headline, summary, key figures (who says what, how firm, disputed or
not), events, sources with their quotes, loaded language with neutral alternatives, and the
engine that produced it. Both renderings come from one view (`build_view`); the HTML is a
Jinja template with autoescape on, and every clickable item carries the article offsets it
points at (`data-spans="start:end ..."`, Python string offsets, i.e. code points).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from summarizer.contract import DEFAULT_QUALIFIER_PHRASE, phrases_of
from summarizer.models import Figure, SourceRef, Span, SummaryResponse

EN_DASH = "\u2013"  # ranges: '150-200' with a proper dash
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\d*)([#+.)-])")


@dataclass(frozen=True)
class FigureRow:
    number: int  # 1-based, as shown to the editor
    value: str
    measure: str
    source: str
    status: str
    spans: str
    evidence: str
    disputed: bool
    conflicts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EventRow:
    number: int
    description: str
    details: str
    spans: str


@dataclass(frozen=True)
class QuoteRow:
    text: str
    spans: str


@dataclass(frozen=True)
class SourceRow:
    name: str
    role: str | None
    kind: str
    quotes: list[QuoteRow]


@dataclass(frozen=True)
class LoadedRow:
    text: str
    neutral: str
    where: str
    in_quote: bool
    spans: str


@dataclass(frozen=True)
class BriefView:
    headline: str
    summary: str
    figures: list[FigureRow]
    disputes: list[str]
    events: list[EventRow]
    sources: list[SourceRow]
    loaded: list[LoadedRow]
    meta_line: str
    warnings: list[str]


# --- the view ---------------------------------------------------------------------------------
def format_number(value: float) -> str:
    """2000 -> '2,000', 8500000 -> '8.5 million', 0.667 -> '0.667'."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{_trim(value / size)} {word}"
    return _trim(value)


def _trim(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def qualifier_words(figure: Figure) -> str:
    """The article's own qualifier ('more than', 'nearly', 'as many as': the phrase of the
    figure's qualifier found in its evidence, from the analyser's own table) or a default."""
    if figure.qualifier not in DEFAULT_QUALIFIER_PHRASE:
        return ""
    evidence = figure.evidence.text.lower()
    for words in phrases_of(figure.qualifier):
        if re.search(rf"\b{re.escape(words)}(?!\w)", evidence):
            return words
    return DEFAULT_QUALIFIER_PHRASE[figure.qualifier]


def format_value(figure: Figure) -> str:
    """'more than 2,000', 'as many as 300', '150 to 200' (en dash), '4.5%', '16 miles'."""
    if figure.qualifier == "range" and figure.upper is not None:
        text = f"{format_number(figure.value)}{EN_DASH}{format_number(figure.upper)}"
    else:
        text = f"{qualifier_words(figure)} {format_number(figure.value)}".strip()
    if figure.unit == "%":
        return text + "%"
    if figure.unit and figure.unit.lower() not in ("people", "persons"):
        return f"{text} {figure.unit}"
    return text


def format_source(source: SourceRef | None) -> str:
    if source is None:
        return "not attributed"
    return f"{source.name} ({source.role})" if source.role else source.name


def spans_attr(spans: list[Span]) -> str:
    return " ".join(f"{span.start}:{span.end}" for span in spans)


def _figure_label(response: SummaryResponse, index: int) -> str:
    if not 0 <= index < len(response.figures):
        return f"#{index + 1}"
    other = response.figures[index]
    return f"#{index + 1} {format_value(other)} ({format_source(other.source)})"


def _figure_rows(response: SummaryResponse) -> list[FigureRow]:
    disputed = {i for d in response.disputes for i in d.figures if len(d.figures) > 1}
    rows = []
    for i, fig in enumerate(response.figures):
        conflicts = [_figure_label(response, j) for j in fig.conflicts_with if j != i]
        rows.append(
            FigureRow(
                number=i + 1,
                value=format_value(fig),
                measure=fig.measure,
                source=format_source(fig.source),
                status=fig.status,
                spans=spans_attr([fig.evidence]),
                evidence=fig.evidence.text,
                disputed=bool(conflicts) or i in disputed,
                conflicts=conflicts,
            )
        )
    return rows


def _dispute_notes(response: SummaryResponse) -> list[str]:
    """The response's own notes; else one per figure that conflicts with others."""
    if response.disputes:
        return [d.note for d in response.disputes]
    notes = []
    for i, fig in enumerate(response.figures):
        others = [j for j in fig.conflicts_with if j > i]
        if others:
            labels = [_figure_label(response, k) for k in (i, *others)]
            notes.append(f"{fig.measure}: " + " vs ".join(labels))
    return notes


def _event_rows(response: SummaryResponse) -> list[EventRow]:
    rows = []
    for i, event in enumerate(response.events):
        details = [
            ("who", ", ".join(event.actors)),
            ("where", event.location or ""),
            ("when", event.time or ""),
            ("according to", format_source(event.source) if event.source else ""),
        ]
        detail = "; ".join(f"{label}: {value}" for label, value in details if value)
        rows.append(EventRow(i + 1, event.description, detail, spans_attr(event.evidence)))
    return rows


def _source_rows(response: SummaryResponse) -> list[SourceRow]:
    return [
        SourceRow(
            name=source.name,
            role=source.role,
            kind=source.kind,
            quotes=[QuoteRow(q.text, spans_attr([q])) for q in source.quotes],
        )
        for source in response.sources
    ]


def _loaded_rows(response: SummaryResponse) -> list[LoadedRow]:
    rows = []
    for term in response.loaded_language:
        if term.in_quote:
            where = f"in a quote: {term.speaker}'s words" if term.speaker else "in a quote"
        else:
            where = "article's own words"
        span = f"{term.start}:{term.end}"
        neutral = term.neutral.strip() or "(omit the word)"
        rows.append(LoadedRow(term.text, neutral, where, term.in_quote, span))
    return rows


def _meta_line(response: SummaryResponse) -> str:
    meta = response.meta
    parts = [
        f"engine {meta.engine}",
        f"model {meta.model or 'none'}",
        f"prompt {meta.prompt_version or 'none'}",
        f"{meta.latency_ms:,} ms",
    ]
    if meta.usage.input_tokens or meta.usage.output_tokens:
        parts.append(f"{meta.usage.input_tokens:,} + {meta.usage.output_tokens:,} tokens")
    return " · ".join(parts)


def build_view(response: SummaryResponse) -> BriefView:
    return BriefView(
        headline=response.headline,
        summary=response.summary,
        figures=_figure_rows(response),
        disputes=_dispute_notes(response),
        events=_event_rows(response),
        sources=_source_rows(response),
        loaded=_loaded_rows(response),
        meta_line=_meta_line(response),
        warnings=list(response.meta.warnings),
    )


# --- Markdown ---------------------------------------------------------------------------------
def md(text: str) -> str:
    """One line of Markdown-safe text: markup characters escaped, line breaks folded."""
    escaped = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _MD_LINE_START.sub(r"\1\\\2", escaped)  # '# x', '- x', '1. x' at a line start


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]
    return lines


def _md_figures(view: BriefView) -> list[str]:
    if not view.figures:
        return ["## Key figures", "", "No figures found in the article.", ""]
    rows = []
    for fig in view.figures:
        status = fig.status
        if fig.disputed:
            status += " — DISPUTED" + (f": vs {', '.join(fig.conflicts)}" if fig.conflicts else "")
        rows.append([str(fig.number), fig.value, fig.measure, fig.source, status])
    header = ["#", "Figure", "Measures", "Says who", "Status"]
    lines = ["## Key figures", "", *_md_table(header, rows)]
    if view.disputes:
        lines += ["", "**Disputed figures**", ""] + [f"- {md(note)}" for note in view.disputes]
    return [*lines, ""]


def _md_events(view: BriefView) -> list[str]:
    lines = ["## Events", ""]
    for event in view.events:
        detail = f" ({md(event.details)})" if event.details else ""
        lines.append(f"{event.number}. {md(event.description)}{detail}")
    return [*lines, ""] if view.events else []


def _md_sources(view: BriefView) -> list[str]:
    lines = ["## Sources", ""]
    for source in view.sources:
        role = f", {md(source.role)}" if source.role else ""
        lines.append(f"- **{md(source.name)}**{role} ({source.kind})")
        lines += [f"  > “{md(quote.text)}”" for quote in source.quotes]
    return [*lines, ""] if view.sources else []


def _md_loaded(view: BriefView) -> list[str]:
    if not view.loaded:
        return []
    rows = [[f"“{row.text}”", row.neutral, row.where] for row in view.loaded]
    header = ["In the article", "Neutral alternative", "Whose words"]
    return ["## Loaded language", "", *_md_table(header, rows), ""]


def render_markdown(response: SummaryResponse) -> str:
    view = build_view(response)
    lines = [f"# {md(view.headline)}", "", md(view.summary), ""]
    lines += _md_figures(view) + _md_events(view) + _md_sources(view) + _md_loaded(view)
    lines.append(f"_{md(view.meta_line)}_")
    if view.warnings:
        lines += ["", "Warnings:", ""] + [f"- {md(w)}" for w in view.warnings]
    return "\n".join(lines) + "\n"


# --- HTML -------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("summarizer.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(response: SummaryResponse, article: str | None = None) -> str:
    """An HTML fragment (`<article class="brief">`); with `article`, the text follows it."""
    template = _environment().get_template("brief.html.j2")
    return template.render(brief=build_view(response), article=article)
