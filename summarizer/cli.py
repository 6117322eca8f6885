"""`summarizer serve`, `summarizer summarize FILE|-` and `summarizer batch IN --out OUT.jsonl`."""

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
    serve.add_argument(
        "--workers",
        type=int,
        help="worker processes (default: SUMMARIZER_WORKERS); each loads its own engines",
    )
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
    _add_batch_parser(commands)
    worker = commands.add_parser("worker", help="run queued jobs (POST /v1/jobs) from Redis")
    worker.add_argument(
        "--concurrency", type=int, help="jobs at once (default: SUMMARIZER_WORKER_CONCURRENCY)"
    )
    return parser


def _add_batch_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    batch = commands.add_parser(
        "batch",
        help="summarise a folder or JSONL file of articles into a JSONL file (resumable)",
        description="IN: a folder of *.txt (or */article.txt) articles, or a JSONL file of "
        '{"id", "text", "title"?, ...}. Ids already ok in OUT are skipped; failed ones retried.',
    )
    batch.add_argument("input", type=Path, help="folder of articles or JSONL file")
    batch.add_argument("--out", type=Path, required=True, help="JSONL results, appended")
    batch.add_argument(
        "--url",
        action="append",
        default=[],
        help="a running server (repeat for round-robin); without it, summarise in this process",
    )
    batch.add_argument("--engine", choices=ENGINE_NAMES, help="engine for every article")
    batch.add_argument("--concurrency", type=int, default=4, help="articles at once (4)")
    batch.add_argument("--max-attempts", type=int, default=5, help="per article, retries incl.")
    batch.add_argument(
        "--max-wait", type=float, default=60.0, help="cap on one Retry-After wait, seconds (60)"
    )
    batch.add_argument(
        "--timeout", type=float, default=300.0, help="HTTP timeout per request, seconds (300)"
    )
    batch.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    batch.add_argument("--report", type=Path, help="also write the run's figures here as JSON")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return _serve(get_settings(), args.host, args.port, args.workers)
    if args.command == "batch":
        return _batch(args)
    if args.command == "worker":
        return _worker(get_settings(), args.concurrency)
    if args.command == "schemas":
        from summarizer.schema_export import write_schemas

        for path in write_schemas(Path("schemas")):
            print(path)
        return 0
    return _summarize(args)


def _serve(settings: Settings, host: str | None, port: int | None, workers: int | None) -> int:
    import uvicorn

    from summarizer.api.app import create_app
    from summarizer.observability import logging_config

    workers = workers or settings.workers
    bind_host, bind_port = host or settings.host, port or settings.port
    # the app's one logging configuration, for uvicorn's lines too; its access log is off:
    # `summarizer.access` writes one line per request, with the request id
    log_config = logging_config(settings.log_format, settings.log_level)
    if workers == 1:
        uvicorn.run(
            create_app(settings),
            host=bind_host,
            port=bind_port,
            log_config=log_config,
            access_log=False,
        )
        return 0
    if settings.default_engine == "local":
        print(
            f"summarizer: warning: {workers} workers each load their own copy of the embedded "
            "model (~1.4 GB each); workers > 1 are meant for the extractive or openai engines",
            file=sys.stderr,
        )
    # uvicorn spawns the workers from an import string: each calls the factory and builds its
    # own service from the same environment (SUMMARIZER_*), sharing one listening socket
    uvicorn.run(
        "summarizer.api.app:create_app",
        factory=True,
        workers=workers,
        host=bind_host,
        port=bind_port,
        log_config=log_config,
        access_log=False,
    )
    return 0


def _batch(args: argparse.Namespace) -> int:
    import anyio

    from summarizer.batch import HttpRunner, InProcessRunner, RetryPolicy, read_items, run_batch

    try:
        items = read_items(args.input, engine=args.engine)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        print(f"summarizer: cannot read {args.input}: {exc}", file=sys.stderr)
        return 2
    if args.url:
        runner: HttpRunner | InProcessRunner = HttpRunner(args.url, timeout_s=args.timeout)
    else:
        from summarizer.service import SummaryService

        settings = get_settings().model_copy(update={"load_model_at_startup": False})
        runner = InProcessRunner(SummaryService(settings))
    policy = RetryPolicy(max_attempts=args.max_attempts, max_wait_s=args.max_wait)

    async def run() -> int:
        try:
            report = await run_batch(
                items,
                args.out,
                runner,
                concurrency=args.concurrency,
                policy=policy,
                progress=False if args.no_progress else None,
            )
        finally:
            await runner.aclose()
        print(f"summarizer batch: {report.summary()}", file=sys.stderr)
        if args.report:
            args.report.write_text(json.dumps(report.as_dict(), indent=2) + "\n")
        return 1 if report.failed else 0

    try:
        return anyio.run(run)
    except KeyboardInterrupt:
        print(f"summarizer batch: interrupted; rerun to resume ({args.out})", file=sys.stderr)
        return 130


def _worker(settings: Settings, concurrency: int | None) -> int:
    """Run jobs until SIGINT or SIGTERM (running jobs get a few seconds, then go back to the
    queue for another worker)."""
    import asyncio
    import logging

    from summarizer.worker import run_worker

    if not settings.redis_url:
        print("summarizer: worker needs SUMMARIZER_REDIS_URL (the job queue)", file=sys.stderr)
        return 2
    log_format = "%(asctime)s %(levelname)s %(name)s %(message)s"
    logging.basicConfig(level=logging.INFO, format=log_format)
    asyncio.run(run_worker(settings, concurrency or settings.worker_concurrency))
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
