"""`evals run | score | compare | report`: see `evals --help` and evals/METRICS.md.

Exit codes: 0 success; 1 a `--fail-under` threshold was missed; 2 bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from evals.cases import CaseError, load_cases
from evals.compare import compare_runs, render_comparison
from evals.log import RunConfig, RunLog, git_state, now_iso, read_log, write_log
from evals.report import render_report
from evals.runner import Runner, RunOptions, rescore
from evals.tables import Threshold, check_thresholds, parse_threshold, render_run
from summarizer.contract import ENGINE_NAMES
from summarizer.errors import SummarizerError

EXIT_OK, EXIT_THRESHOLD, EXIT_USAGE = 0, 1, 2
_SECRET_HEADERS = ["authorization", "api-key", "x-api-key"]
_MATCH_ON = ["method", "scheme", "host", "port", "path", "body"]


def _threshold(text: str) -> Threshold:
    try:
        return parse_threshold(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="evals", description="Evaluate summary engines.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run an engine over eval cases, score and log")
    run.add_argument("--cases", type=Path, default=Path("seeds"), help="folder of cases")
    run.add_argument("--engine", default="extractive", help=" | ".join(ENGINE_NAMES))
    run.add_argument("--prompt-version", default=None, help="prompt template version")
    run.add_argument("--model", default=None, help="API model name (openai) or GGUF path (local)")
    run.add_argument("--repeat", type=int, default=1, help="run every case N times")
    run.add_argument("--out", type=Path, default=Path("eval-runs"), help="folder for the log")
    run.add_argument(
        "--no-cache", action="store_true",
        help="call the model for every request (the cache holds model completions only)",
    )  # fmt: skip
    run.add_argument(
        "--cache-dir", type=Path, default=Path(".eval-cache"),
        help="where model completions are cached (in DIR/completions/)",
    )  # fmt: skip
    run.add_argument(
        "--concurrency",
        type=int,
        default=None,
        help="parallel requests (default: 8 extractive, 1 model engines)",
    )
    cassette = run.add_mutually_exclusive_group()
    cassette.add_argument(
        "--replay",
        type=Path,
        default=None,
        help="serve model HTTP calls from this vcr cassette (no network)",
    )
    cassette.add_argument(
        "--record",
        type=Path,
        default=None,
        help="record model HTTP calls to this cassette (needs a live server)",
    )
    _add_fail_under(run)

    score = sub.add_parser("score", help="re-score a saved log without calling any model")
    score.add_argument("log", type=Path)
    score.add_argument("--cases", type=Path, default=None, help="updated gold to score against")
    score.add_argument("--out", type=Path, default=None, help="write the re-scored log here")
    _add_fail_under(score)

    compare = sub.add_parser("compare", help="what improved and regressed between two logs")
    compare.add_argument("base", type=Path)
    compare.add_argument("new", type=Path)

    report = sub.add_parser("report", help="write one self-contained HTML page for a log")
    report.add_argument("log", type=Path)
    report.add_argument("--out", type=Path, default=None, help="HTML file (default: LOG.html)")
    return parser


def _add_fail_under(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--fail-under", type=_threshold, action="append", default=[], metavar="METRIC=VALUE",
        help="exit 1 when the mean of METRIC is below VALUE (above it for forbidden_hits, "
        "latency_ms, tokens, attempts); repeatable",
    )  # fmt: skip


@contextlib.contextmanager
def _cassette(args: argparse.Namespace) -> Iterator[None]:
    """Wraps the run in a vcr cassette when asked, so CI can replay recorded model HTTP."""
    path: Path | None = args.replay or args.record
    if path is None:
        yield
        return
    import vcr  # type: ignore[import-untyped]  # only needed for cassettes

    if args.replay and not path.is_file():
        raise FileNotFoundError(f"{path}: cassette not found")
    with vcr.use_cassette(
        str(path), record_mode="none" if args.replay else "all",
        filter_headers=_SECRET_HEADERS, match_on=_MATCH_ON,
    ):  # fmt: skip
        yield


def _finish(log: RunLog, thresholds: list[Threshold]) -> int:
    print(render_run(log))
    failures = check_thresholds(thresholds, log.means)
    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    return EXIT_THRESHOLD if failures else EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    cases = load_cases(args.cases)
    # cassettes must see real HTTP calls: a cache hit would skip recording or replaying them
    use_cache = not (args.no_cache or args.replay or args.record)
    options = RunOptions(
        engine=args.engine, model=args.model, prompt_version=args.prompt_version,
        repeat=max(1, args.repeat), concurrency=args.concurrency, use_cache=use_cache,
        cache_dir=args.cache_dir,
    )  # fmt: skip
    commit, dirty = git_state(Path.cwd())
    config = RunConfig(
        engine=args.engine, model=args.model, prompt_version=args.prompt_version,
        cases_dir=str(args.cases), repeat=options.repeat, concurrency=1, cache=use_cache,
        replay=str(args.replay) if args.replay else None,
        record=str(args.record) if args.record else None,
        git_commit=commit, git_dirty=dirty, started_at=now_iso(), argv=sys.argv[1:],
    )  # fmt: skip
    with _cassette(args):
        runner = Runner(options)
        config.concurrency = runner.concurrency()
        config.prompt_version = runner.prompt_version
        config.model = args.model or runner.model_id
        records = runner.run(cases)
    config.finished_at = now_iso()
    log = RunLog(config=config, records=records)
    log.compute_means()
    path = write_log(log, args.out)
    print(f"log: {path}", file=sys.stderr)
    return _finish(log, args.fail_under)


def cmd_score(args: argparse.Namespace) -> int:
    log = read_log(args.log)
    updated = {c.id: c for c in load_cases(args.cases)} if args.cases else {}
    log.records = [rescore(r, updated.get(r.case_id)) for r in log.records]
    log.compute_means()
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(log.model_dump_json(indent=1), encoding="utf-8")
    return _finish(log, args.fail_under)


def cmd_compare(args: argparse.Namespace) -> int:
    base, new = read_log(args.base), read_log(args.new)
    print(render_comparison(base, new, compare_runs(base, new)))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    log = read_log(args.log)
    out: Path = args.out or args.log.with_suffix(".html")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(log), encoding="utf-8")
    print(f"report: {out}", file=sys.stderr)
    return EXIT_OK


_COMMANDS = {"run": cmd_run, "score": cmd_score, "compare": cmd_compare, "report": cmd_report}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except (CaseError, ValueError, FileNotFoundError, SummarizerError) as exc:
        # bad input the user can fix: say what, without a traceback
        print(f"evals: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
