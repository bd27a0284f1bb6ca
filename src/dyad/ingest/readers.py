"""Reading articles from plain text files, folders and JSON Lines.

Formats (DESIGN.md section 3, "Input"):

- a plain text file: first line ``date YYYY-MM-DD Title``, a blank line, then
  the body; the id is the file name without its extension;
- a folder: every ``*.txt`` file under it, recursively, in sorted order
  (hidden files and folders are left out);
- JSON Lines (``.jsonl``, ``.ndjson``): one article a line,
  ``{"id", "date", "title"?, "text", "url"?, "source"?}``; ``date`` is
  ``YYYY-MM-DD`` or a full ISO timestamp (its calendar date is kept as written);
- ``-``: JSON Lines on standard input.

Whatever cannot be read is reported as an :class:`~dyad.errors.InputError`
naming the file and 1-based line, through the caller's ``on_error``; reading
goes on with the next line or file.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from dyad.errors import InputError
from dyad.records import Article

OnError = Callable[[InputError], None]

STDIN = "-"
STDIN_NAME = "<stdin>"
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

_HEADER = re.compile(r"^date[ \t]+(?P<date>\S+)(?:[ \t]+(?P<title>.*))?$", re.IGNORECASE)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SNIPPET = 40


def read_articles(
    paths: Iterable[str | Path],
    *,
    on_error: OnError,
    stdin: IO[bytes] | None = None,
) -> Iterator[Article]:
    """Every readable article in ``paths``, in order; errors go to ``on_error``.

    ``stdin`` (bytes) stands in for ``sys.stdin`` when a path is ``-``.
    An id seen earlier in the same call is an error on the later article.
    Sets ``Article.origin`` to ``path`` (text files) or ``path:line`` (JSONL).
    """
    seen: dict[str, str] = {}
    for article in _read_all(paths, on_error=on_error, stdin=stdin):
        first = seen.get(article.id)
        if first is not None:
            path, line = split_origin(article.origin or article.id)
            on_error(InputError(path, line, f"duplicate id {article.id!r} (first read from {first})"))
            continue
        seen[article.id] = article.origin or article.id
        yield article


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """A cheap upper bound on the number of articles in ``paths``, for progress bars.

    Counts text files and non-blank JSONL lines; ``None`` when standard input
    is among the paths (it cannot be read twice).
    """
    total = 0
    for raw in paths:
        if str(raw) == STDIN:
            return None
        for path in _expand(Path(raw)):
            try:
                if path.suffix.lower() in JSONL_SUFFIXES:
                    with path.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                elif path.is_file():
                    total += 1
            except OSError:
                continue
    return total


def normalise_text(text: str) -> str:
    """Unify newlines to ``\\n`` and strip trailing whitespace (of lines and of the text).

    Nothing else changes: spans computed on the result stay valid for it.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip()


def read_text_file(path: Path, *, on_error: OnError) -> Article | None:
    """One plain text article, or ``None`` after reporting why it cannot be read."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        on_error(InputError(name, None, f"cannot read: {exc.strerror or exc}"))
        return None
    text = _decode(data, name, on_error)
    if text is None:
        return None
    # leading blank space before the date line (a stray space, a BOM) is tolerated
    lines = normalise_text(text.lstrip("\ufeff \t\r\n")).split("\n")
    m = _HEADER.match(lines[0])
    if not m:
        found = lines[0][:_SNIPPET] + ("..." if len(lines[0]) > _SNIPPET else "")
        on_error(InputError(name, 1, f"first line must be 'date YYYY-MM-DD Title', found {found!r}"))
        return None
    try:
        if not _ISO_DAY.fullmatch(m.group("date")):
            raise ValueError("expected YYYY-MM-DD")
        day = Date.fromisoformat(m.group("date"))
    except ValueError as exc:
        on_error(InputError(name, 1, f"bad date {m.group('date')!r}: {exc}"))
        return None
    body_lines = lines[1:]
    while body_lines and not body_lines[0]:
        body_lines.pop(0)
    if not body_lines:
        on_error(InputError(name, 2, "no article text after the date line"))
        return None
    return Article(
        id=path.stem,
        date=day,
        text="\n".join(body_lines),
        title=(m.group("title") or "").strip(),
        origin=name,
    )


def read_jsonl(stream: IO[bytes], name: str, *, on_error: OnError) -> Iterator[Article]:
    """The articles of a JSON Lines byte stream; ``name`` is used in origins and errors."""
    for lineno, raw in enumerate(stream, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            on_error(InputError(name, lineno, _not_utf8(raw, exc)))
            continue
        if lineno == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        article = _parse_json_article(line, name, lineno, on_error)
        if article is not None:
            yield article


def _parse_json_article(line: str, name: str, lineno: int, on_error: OnError) -> Article | None:
    def fail(message: str) -> None:
        on_error(InputError(name, lineno, message))

    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        fail(f"invalid JSON: {exc.msg} (column {exc.colno})")
        return None
    if not isinstance(obj, dict):
        fail(f"expected a JSON object, found {type(obj).__name__}")
        return None
    for key in ("id", "date", "text"):
        if obj.get(key) is None:
            fail(f"missing {key!r}")
            return None
    article_id = obj["id"]
    if isinstance(article_id, bool) or not isinstance(article_id, (str, int)) or not str(article_id).strip():
        fail("'id' must be a non-empty string or an integer")
        return None
    for key in ("date", "text", "title", "url", "source"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            fail(f"{key!r} must be a string, found {type(obj[key]).__name__}")
            return None
    day = _parse_date(obj["date"])
    if day is None:
        fail(f"bad date {obj['date']!r}: expected YYYY-MM-DD or an ISO timestamp")
        return None
    text = normalise_text(obj["text"])
    if not text.strip():
        fail("empty 'text'")
        return None
    return Article(
        id=str(article_id),
        date=day,
        text=text,
        title=(obj.get("title") or "").strip(),
        url=obj.get("url") or None,
        source=obj.get("source") or None,
        origin=f"{name}:{lineno}",
    )


def _read_all(paths: Iterable[str | Path], *, on_error: OnError, stdin: IO[bytes] | None) -> Iterator[Article]:
    for raw in paths:
        if str(raw) == STDIN:
            yield from read_jsonl(stdin if stdin is not None else sys.stdin.buffer, STDIN_NAME, on_error=on_error)
            continue
        path = Path(raw)
        if not path.exists():
            on_error(InputError(str(path), None, "no such file or folder"))
            continue
        files = _expand(path)
        if path.is_dir() and not files:
            on_error(InputError(str(path), None, "no .txt files in this folder"))
            continue
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with file.open("rb") as fh:
                        yield from read_jsonl(fh, str(file), on_error=on_error)
                except OSError as exc:
                    on_error(InputError(str(file), None, f"cannot read: {exc.strerror or exc}"))
            else:
                article = read_text_file(file, on_error=on_error)
                if article is not None:
                    yield article


def _expand(path: Path) -> list[Path]:
    """A file as itself; a folder as its ``*.txt`` files, recursively, sorted."""
    if not path.is_dir():
        return [path]
    return sorted(
        p
        for p in path.rglob("*.txt")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )


def _parse_date(value: str) -> Date | None:
    value = value.strip()
    try:
        return Date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _decode(data: bytes, name: str, on_error: OnError) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        on_error(InputError(name, line, _not_utf8(data, exc)))
        return None


def _not_utf8(data: bytes, exc: UnicodeDecodeError) -> str:
    return f"not UTF-8 text (byte 0x{data[exc.start]:02x})"


def split_origin(origin: str) -> tuple[str, int | None]:
    """``"file.jsonl:7"`` as ``("file.jsonl", 7)``; an origin without a line as ``(origin, None)``."""
    path, sep, line = origin.rpartition(":")
    if sep and line.isdigit():
        return path, int(line)
    return origin, None
