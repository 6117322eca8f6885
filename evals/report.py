"""One self-contained HTML page per run: for each case the article with figure, quote and
loaded-word spans highlighted, metrics with explanations, and gold next to prediction.

Everything that comes from an article, a label or a model is escaped: articles are untrusted
input and one of the cases carries an injected instruction on purpose.
"""

from __future__ import annotations

from html import escape

from evals import matching
from evals.log import CaseRecord, RunLog
from evals.metrics import METRIC_NAMES
from summarizer.models import Figure, SummaryResponse

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#222}
h2{border-top:2px solid #888;padding-top:.6em}
table{border-collapse:collapse;margin:.5em 0 1em;width:100%}
td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}
.article{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:1em}
.fig{background:#cde8ff}.quote{background:#e3f7d3}.loaded{background:#ffd2cc}
.fig.quote{background:#c9f0ee}.ok{color:#176d17}.bad{color:#b00020;font-weight:bold}
.err{background:#fde7e9;padding:.5em}.legend span{padding:0 .4em;margin-right:.5em}
"""


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _mark(flag: bool) -> str:
    return '<span class="ok">yes</span>' if flag else '<span class="bad">no</span>'


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return f"{int(value):,}" if value == int(value) else f"{value:g}"


def highlighted_article(article: str, response: SummaryResponse | None) -> str:
    """The article as HTML, each character wrapped by the classes of the spans covering it; only
    spans that really equal article[start:end] are shown, so a highlight is never misleading."""
    classes: list[set[str]] = [set() for _ in article]
    if response is not None:
        spans = [
            ("fig", f.evidence.start, f.evidence.end, f.evidence.text) for f in response.figures
        ]
        spans += [("quote", q.start, q.end, q.text) for s in response.sources for q in s.quotes]
        spans += [("loaded", t.start, t.end, t.text) for t in response.loaded_language]
        for css, start, end, text in spans:
            if 0 <= start <= end <= len(article) and article[start:end] == text:
                for i in range(start, end):
                    classes[i].add(css)
    out: list[str] = []
    run_start = 0
    for i in range(1, len(article) + 1):
        if i == len(article) or classes[i] != classes[run_start]:
            chunk = _e(article[run_start:i])
            names = " ".join(sorted(classes[run_start]))
            out.append(f'<span class="{names}">{chunk}</span>' if names else chunk)
            run_start = i
    return '<div class="article">' + "".join(out) + "</div>"


def _metrics_table(record: CaseRecord) -> str:
    rows = "".join(
        f"<tr><td>{_e(n)}</td><td>{_e(_num(s.value))}</td><td>{_e(s.explanation)}</td></tr>"
        for n in METRIC_NAMES
        if (s := record.metrics.get(n)) is not None
    )
    costs = (f"tokens in {record.input_tokens}, out {record.output_tokens}; "
             f"latency {record.latency_ms} ms; attempts {record.attempts}"
             f"{' (cached)' if record.cached else ''}")  # fmt: skip
    return (
        f"<table><tr><th>metric</th><th>value</th><th>why</th></tr>{rows}</table><p>{_e(costs)}</p>"
    )


def _figures_table(record: CaseRecord, response: SummaryResponse) -> str:
    gold = record.gold.figures
    pairs = matching.match_figures(response.figures, gold)
    by_gold = {p.gold_index: p for p in pairs}
    rows = []
    for gi, g in enumerate(gold):
        pair = by_gold.get(gi)
        wanted = (f"{_num(g.value)}{'–' + _num(g.upper) if g.upper is not None else ''} "
                  f"{g.measure} | source {g.source if not g.source_optional else 'any'} | "
                  f"{g.qualifier or 'any'}{'' if g.required else ' | optional'}")  # fmt: skip
        if pair is None:
            rows.append(
                f"<tr><td>{_e(wanted)}</td><td class='bad'>missed</td><td></td><td></td></tr>"
            )
            continue
        f = response.figures[pair.predicted_index]
        rows.append(
            f"<tr><td>{_e(wanted)}</td><td>{_e(_describe_figure(f))}</td>"
            f"<td>{_mark(pair.claimant_ok)}</td><td>{_mark(pair.qualifier_ok)}</td></tr>"
        )
    taken = {p.predicted_index for p in pairs}
    for pi, f in enumerate(response.figures):
        if pi not in taken:
            rows.append(
                f"<tr><td class='bad'>no gold</td><td>{_e(_describe_figure(f))}</td>"
                "<td></td><td></td></tr>"
            )
    head = "<tr><th>gold</th><th>prediction</th><th>claimant</th><th>qualifier</th></tr>"
    return f"<h3>Figures</h3><table>{head}{''.join(rows)}</table>"


def _describe_figure(f: Figure) -> str:
    source = (
        f"{f.source.name} ({f.source.role})"
        if f.source and f.source.role
        else (f.source.name if f.source else "no source")
    )
    upper = f"–{_num(f.upper)}" if f.upper is not None else ""
    return (
        f"{_num(f.value)}{upper} {f.unit or ''} {f.measure} | {source} | {f.qualifier}, "
        f"{f.status} | “{f.evidence.text}”"
    )


def _events_table(record: CaseRecord, response: SummaryResponse) -> str:
    texts = [" ".join([e.description, *(s.text for s in e.evidence)]) for e in response.events]
    gold_rows = "".join(
        f"<tr><td>{_e(g.description)}{'' if g.required else ' (optional)'}</td>"
        f"<td>{_e(' & '.join('/'.join(k) for k in g.keywords))}</td>"
        f"<td>{_mark(any(all(matching.any_mention(t, k) for k in g.keywords) for t in texts))}"
        "</td></tr>"
        for g in record.gold.events
    )
    predicted = "".join(f"<li>{_e(e.description)}</li>" for e in response.events)
    return (
        f"<h3>Events</h3><table><tr><th>gold</th><th>keywords</th><th>found</th></tr>"
        f"{gold_rows}</table><p>predicted:</p><ol>{predicted}</ol>"
    )


def _sources_table(record: CaseRecord, response: SummaryResponse) -> str:
    predicted = [f"{s.name} {s.role or ''}" for s in response.sources]
    gold_rows = "".join(
        f"<tr><td>{_e(', '.join(g.names()))}{'' if g.required else ' (optional)'}</td><td>"
        f"{_mark(any(matching.names(p, n) for p in predicted for n in g.names()))}</td></tr>"
        for g in record.gold.sources
    )
    listed = "".join(
        f"<li>{_e(s.name)} — {_e(s.role or '')} [{_e(s.kind)}], {len(s.quotes)} quotes</li>"
        for s in response.sources
    )
    return (
        f"<h3>Sources</h3><table><tr><th>gold</th><th>found</th></tr>{gold_rows}</table>"
        f"<p>predicted:</p><ul>{listed}</ul>"
    )


def _case_section(record: CaseRecord) -> str:
    overall = record.metrics.get("overall")
    score = _num(overall.value if overall else None)
    title = f"{record.case_id} (sample {record.sample}) overall {score}"
    parts = [f'<section id="{_e(record.case_id)}-{record.sample}"><h2>{_e(title)}</h2>']
    response = record.response
    if record.error:
        parts.append(f'<p class="err">{_e(record.error.type)}: {_e(record.error.detail)}</p>')
    if response is not None:
        parts.append(f"<p><b>{_e(response.headline)}</b></p><p>{_e(response.summary)}</p>")
    parts.append(_metrics_table(record))
    if response is not None:
        parts += [
            _figures_table(record, response),
            _events_table(record, response),
            _sources_table(record, response),
        ]
        if response.meta.warnings:
            items = "".join(f"<li>{_e(w)}</li>" for w in response.meta.warnings)
            parts.append(f"<details><summary>warnings</summary><ul>{items}</ul></details>")
    parts.append("<h3>Article</h3>" + highlighted_article(record.article, response))
    parts.append("</section>")
    return "\n".join(parts)


def render_report(log: RunLog) -> str:
    cfg = log.config
    means = "".join(
        f"<tr><td>{_e(n)}</td><td>{_e(_num(v))}</td></tr>" for n, v in log.means.items()
    )
    index = "".join(
        f'<li><a href="#{_e(r.case_id)}-{r.sample}">{_e(r.case_id)}</a></li>' for r in log.records
    )
    legend = (
        '<p class="legend"><span class="fig">figure evidence</span>'
        '<span class="quote">quote</span><span class="loaded">loaded word</span></p>'
    )
    header = (
        f"engine {cfg.engine}, model {cfg.model or '-'}, prompt {cfg.prompt_version or '-'}, "
        f"commit {cfg.git_commit or '-'}{' (dirty)' if cfg.git_dirty else ''}, "
        f"started {cfg.started_at}"
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>evals: {_e(cfg.engine)} {_e(cfg.started_at)}</title><style>{_CSS}</style></head>"
        f"<body><h1>Eval run</h1><p>{_e(header)}</p>{legend}"
        f"<table><tr><th>metric</th><th>mean</th></tr>{means}</table><ol>{index}</ol>"
        + "\n".join(_case_section(r) for r in log.records)
        + "</body></html>"
    )
