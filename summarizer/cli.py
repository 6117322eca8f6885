"""`summarizer serve` and `summarizer summarize FILE|-`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from summarizer.contract import ENGINE_NAMES
from summarizer.errors import SummarizerError
from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.settings import Settings, get_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="summarizer", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the HTTP API")
    serve.add_argument("--host", help="address to bind (default: SUMMARIZER_HOST)")
    serve.add_argument("--port", type=int, help="port (default: SUMMARIZER_PORT)")
    summarize = commands.add_parser("summarize", help="summarise one article, print the result")
    summarize.add_argument("file", help="article text file, or - for standard input")
    summarize.add_argument(
        "--engine", choices=ENGINE_NAMES, help="default: SUMMARIZER_DEFAULT_ENGINE"
    )
    summarize.add_argument("--prompt-version", help="prompt template version, e.g. v1")
    summarize.add_argument("--title", help="the article's own headline")
    summarize.add_argument(
        "--format",
        choices=("json", "markdown", "html"),
        default="json",
        help="json (the API response), or an editor's brief as markdown or html",
    )
    commands.add_parser("schemas", help="write JSON Schemas of the public models to schemas/")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return _serve(get_settings(), args.host, args.port)
    if args.command == "schemas":
        from summarizer.schema_export import write_schemas

        for path in write_schemas(Path("schemas")):
            print(path)
        return 0
    return _summarize(args)


def _serve(settings: Settings, host: str | None, port: int | None) -> int:
    import uvicorn

    from summarizer.api.app import create_app

    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port)
    return 0


def _read_article(name: str) -> str:
    raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    return raw.decode("utf-8")


def _summarize(args: argparse.Namespace) -> int:
    from summarizer.service import SummaryService

    try:
        text = _read_article(args.file)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"summarizer: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    settings = get_settings().model_copy(update={"load_model_at_startup": False})
    request = SummaryRequest(
        text=text, title=args.title, engine=args.engine, prompt_version=args.prompt_version
    )
    service = SummaryService(settings)
    try:
        response = service.summarize(request)
    except SummarizerError as exc:
        print(f"summarizer: {exc.title}: {exc.detail}", file=sys.stderr)
        return 1
    finally:
        service.close()
    for warning in response.meta.warnings:
        print(f"summarizer: warning: {warning}", file=sys.stderr)
    print(_render(response, text, args.format))
    return 0


def _render(response: SummaryResponse, article: str, output_format: str) -> str:
    if output_format == "json":
        return json.dumps(response.model_dump(mode="json"), ensure_ascii=False, indent=2)
    from summarizer.render.briefs import render_html, render_markdown

    if output_format == "markdown":
        return render_markdown(response)
    return render_html(response, article)


if __name__ == "__main__":
    sys.exit(main())
