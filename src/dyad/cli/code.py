"""``dyad code``: code articles into events, store them and write them as JSON Lines."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Callable, Iterator, List, NoReturn, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from dyad.cli._app import DEFAULT_DB, app
from dyad.cli.events import event_table, plural
from dyad.errors import DyadError, InputError
from dyad.events.conventions import get_convention
from dyad.ingest import BatchReport, code_inputs, count_articles
from dyad.pipeline import Pipeline, PooledPipeline
from dyad.records import Article
from dyad.store import Store

STDOUT = "-"


@app.command("code")
def code_command(
    inputs: List[str] = typer.Argument(
        ..., metavar="INPUT...", help="Text files, folders of .txt files, .jsonl files, or - for JSON Lines on stdin."
    ),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file to store articles and events in."),
    out: Optional[str] = typer.Option(None, "--out", "-o", help="Also write the events as JSON Lines to this file (- for stdout)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to parse with."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for coding (each loads its own model)."),
    kb: list[Path] = typer.Option(
        [], "--kb", help="Extra knowledge-base file, CSV or YAML (persons, organisations, countries, sector phrases); repeatable."
    ),
    force: bool = typer.Option(False, "--force", help="Code again articles already coded with the same text."),
    patterns_only: bool = typer.Option(
        False, "--patterns-only", help="Do not ask the learned type model about sentences the patterns miss."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary; errors only."),
    convention: str = typer.Option("dyad", "--convention", help="Coding convention: dyad (its own) or petrarch (PETRARCH2's habits); see docs/conventions.md."),
) -> None:
    """Code articles into CAMEO/PLOVER events and store them.

    INPUT is a text file (first line "date YYYY-MM-DD Title", a blank line, the
    body), a folder of .txt files, a .jsonl file, or - for JSON Lines on stdin.
    Unreadable inputs are reported (file:line) and skipped. Articles already
    coded with the same text are not coded again. Exits 1 when nothing could be read.
    """
    err = Console(stderr=True)
    # The summary goes to stdout unless the events do.
    console = err if out == STDOUT else Console()

    def on_error(error: InputError) -> None:
        err.print(f"error: {error}", markup=False, highlight=False, soft_wrap=True)

    try:
        get_convention(convention)  # a bad name fails before anything is opened
        store = Store(db)
    except DyadError as exc:
        _fail(err, str(exc))
    with store:
        try:
            if workers > 1:
                pipeline = PooledPipeline(workers, model=model, kb_paths=[str(p) for p in kb], learned=not patterns_only,
                                          convention=convention)
            else:
                pipeline = Pipeline(model=model, kb_paths=[str(p) for p in kb], learned=not patterns_only,
                                    convention=convention)
        except OSError as exc:
            _fail(err, f"cannot load the spaCy pipeline: {exc}")
        try:
            with _output(out, err) as out_fh, _progress(err, inputs, disable=quiet) as advance:
                report = code_inputs(
                    inputs, pipeline=pipeline, store=store, out=out_fh, on_error=on_error, progress=advance,
                    force=force,
                )
        finally:
            if workers > 1:
                pipeline.close()
        counts = store.counts()
    if not quiet:
        print_summary(console, report, db=db, counts=counts, out=out)
    raise typer.Exit(0 if report.ok else 1)


def print_summary(console: Console, report: BatchReport, *, db: Path, counts: dict[str, int], out: str | None) -> None:
    """What a ``dyad code`` run did, for people."""

    def say(text: str) -> None:
        console.print(text, markup=False, highlight=False, soft_wrap=True)

    parts = [f"{report.coded} coded", f"{report.skipped} already stored"]
    if report.coder_errors:
        parts.append(f"{report.coder_errors} failed to code")
    line = f"Read {plural(report.read, 'article')}: " + ", ".join(parts)
    if report.input_errors:
        line += f"; {plural(report.input_errors, 'input error')}"
    say(line + ".")
    events = plural(report.events, "event")
    if report.stored_events:
        events += f" ({report.stored_events} from stored articles)"
    if report.by_plover:
        ranked = sorted(report.by_plover.items(), key=lambda kv: (-kv[1], kv[0]))
        events += ": " + ", ".join(f"{kind or 'no PLOVER type'} {n}" for kind, n in ranked)
    say(events + ".")
    say(f"Database {db}: {plural(counts['articles'], 'article')}, {plural(counts['events'], 'event')}.")
    if out and out != STDOUT:
        say(f"Events written to {out}.")
    if report.sample:
        title = f"First {len(report.sample)} events" if report.events > len(report.sample) else "Events"
        console.print(event_table(report.sample, title=title))


@contextmanager
def _output(out: str | None, err: Console) -> Iterator[IO[str] | None]:
    if out is None:
        yield None
    elif out == STDOUT:
        yield sys.stdout
    else:
        try:
            fh = open(out, "w", encoding="utf-8", newline="\n")
        except OSError as exc:
            _fail(err, f"{out}: cannot write: {exc.strerror or exc}")
        with fh:
            yield fh


@contextmanager
def _progress(err: Console, inputs: list[str], *, disable: bool) -> Iterator[Callable[[Article], None]]:
    """A progress bar on stderr, shown only on a terminal; yields the per-article callback."""
    if disable or not err.is_terminal:
        yield lambda article: None
        return
    with Progress(
        SpinnerColumn(),
        TextColumn("coding"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("coding", total=count_articles(inputs))
        yield lambda article: progress.advance(task)


def _fail(err: Console, message: str) -> NoReturn:
    err.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(1)
