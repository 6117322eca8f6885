"""Hand-built SummaryResponses for the seed articles: rendering tests need no engine."""

from __future__ import annotations

from summarizer.models import (
    Dispute,
    Event,
    Figure,
    LoadedTerm,
    Meta,
    Source,
    SourceRef,
    Span,
    SummaryResponse,
)


def span(article: str, text: str) -> Span:
    start = article.find(text)
    assert start >= 0, f"{text!r} is not in the article"
    return Span(text=text, start=start, end=start + len(text))


def loaded(article: str, word: str, neutral: str, speaker: str | None = None) -> LoadedTerm:
    found = span(article, word)
    return LoadedTerm(
        text=word,
        neutral=neutral,
        start=found.start,
        end=found.end,
        in_quote=speaker is not None,
        speaker=speaker,
    )


def response_000(article: str) -> SummaryResponse:
    un = SourceRef(name="UN")
    services = SourceRef(name="Ukrainian emergency services")
    markushin = SourceRef(name="Oleksandr Markushin", role="mayor of Irpin")
    return SummaryResponse(
        headline="Airstrikes hit Irpin; UN confirms 364 civilian deaths in Ukraine",
        summary="The UN says 364 Ukrainian civilians have been confirmed killed. Ukrainian "
        "emergency services say more than 2,000 civilians have died.",
        figures=[
            Figure(
                value=364,
                unit="people",
                measure="Ukrainian civilians confirmed killed",
                qualifier="exact",
                status="confirmed",
                source=un,
                evidence=span(article, "364 Ukrainian civilians have been confirmed killed"),
                conflicts_with=[1],
            ),
            Figure(
                value=2000,
                unit="people",
                measure="civilians killed",
                qualifier="at_least",
                status="claimed",
                source=services,
                evidence=span(article, "more than 2,000 civilians have died"),
                conflicts_with=[0],
            ),
            Figure(
                value=8,
                unit="people",
                measure="people killed fleeing Irpin by bus",
                qualifier="approximate",
                status="estimated",
                source=markushin,
                evidence=span(article, "An estimated eight people"),
            ),
        ],
        disputes=[
            Dispute(
                measure="civilians killed",
                figures=[0, 1],
                note="The UN confirms 364 civilian deaths; Ukrainian emergency "
                "services say more than 2,000.",
            )
        ],
        events=[
            Event(
                description="Russian forces fired on civilians fleeing Irpin by bus",
                actors=["Russian forces"],
                location="Irpin",
                source=markushin,
                evidence=[
                    span(
                        article,
                        "Russian forces opened fire on citizens trying to flee the city by bus",
                    )
                ],
            ),
            Event(
                description="Shelling stopped a second evacuation attempt in Mariupol",
                location="Mariupol",
                source=SourceRef(name="Ukraine officials"),
                evidence=[
                    span(
                        article, "a second attempted evacuation of the city was smashed by shelling"
                    )
                ],
            ),
        ],
        sources=[
            Source(
                name="Vadym Boychenko",
                role="mayor of Mariupol",
                kind="person",
                quotes=[span(article, "They are destroying us.")],
            ),
            Source(name="UN", kind="organisation"),
        ],
        loaded_language=[
            loaded(article, "slaughtered", "killed"),
            loaded(article, "sick brain", "judgement", speaker="Anton Garashchenko"),
        ],
        meta=Meta(
            engine="extractive", latency_ms=12, warnings=["figure '11,000' has no named source"]
        ),
    )


def response_003(article: str) -> SummaryResponse:
    return SummaryResponse(
        headline="Red Cross building in Mariupol hit, Ukrainian ombudswoman says",
        summary="Ukrainian ombudswoman Lyudmyla Denisova said a Red Cross building in Mariupol "
        "came under fire on Wednesday.",
        figures=[
            Figure(
                value=300,
                unit="people",
                measure="people killed in Irpin",
                qualifier="at_most",
                status="reported",
                source=None,
                evidence=span(article, "As many as 300 people have been slaughtered"),
            ),
            Figure(
                value=145,
                unit="children",
                measure="children killed",
                qualifier="exact",
                status="reported",
                source=SourceRef(name="Ukraine"),
                evidence=span(article, "145 children have now died"),
            ),
        ],
        sources=[
            Source(
                name="Lyudmyla Denisova",
                role="Ukrainian ombudswoman",
                kind="person",
                quotes=[
                    span(
                        article,
                        "In Mariupol, the occupiers aimed at the building of "
                        "the International Committee of the Red Cross (ICRC).",
                    )
                ],
            ),
        ],
        loaded_language=[loaded(article, "barbaric", "")],
        meta=Meta(
            engine="local",
            model="qwen2.5-coder-1.5b-instruct",
            prompt_version="v1",
            latency_ms=31_250,
        ),
    )
