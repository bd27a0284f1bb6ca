"""dyad.ingest.readers: text files, folders, JSON Lines, stdin; every malformed case."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from dyad.ingest import count_articles, normalise_text, read_articles


def read(paths, **kw):
    """(articles, errors) for ``paths``."""
    errors = []
    articles = list(read_articles(paths, on_error=errors.append, **kw))
    return articles, errors


def write_jsonl(path, *objs_or_lines):
    lines = [o if isinstance(o, str) else json.dumps(o) for o in objs_or_lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_readers_text_file(tmp_path):
    path = tmp_path / "story-1.txt"
    path.write_text("date 2024-03-01 Talks in Geneva\n\nRussia accused Ukraine.\nMore text.\n", encoding="utf-8")
    articles, errors = read([path])
    assert errors == []
    [a] = articles
    assert a.id == "story-1"
    assert a.date == date(2024, 3, 1)
    assert a.title == "Talks in Geneva"
    assert a.text == "Russia accused Ukraine.\nMore text."
    assert a.origin == str(path)


def test_readers_text_normalises_newlines_and_trailing_space(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"date 2024-03-01 T  \r\n\r\n  Indented line.   \r\nSecond\tline.\rThird.\r\n\r\n\r\n")
    [a], errors = read([path])
    assert errors == []
    assert a.title == "T"
    assert a.text == "  Indented line.\nSecond\tline.\nThird."


def test_readers_text_title_optional_and_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffdate 2024-03-01\n\nBody.".encode("utf-8"))
    [a], errors = read([path])
    assert (a.title, a.text, errors) == ("", "Body.", [])


def test_readers_folder_recursive_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ("b/z.txt", "a.txt", "b/c.txt", ".hidden/h.txt"):
        (tmp_path / rel).write_text(f"date 2024-03-01 {rel}\n\nText of {rel}.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    articles, errors = read([tmp_path])
    assert errors == []
    assert [a.id for a in articles] == ["a", "c", "z"]


def test_readers_empty_folder_is_an_error(tmp_path):
    articles, errors = read([tmp_path])
    assert articles == []
    assert [(e.path, e.line) for e in errors] == [(str(tmp_path), None)]


def test_readers_jsonl(tmp_path):
    path = write_jsonl(
        tmp_path / "batch.jsonl",
        {"id": "x1", "date": "2024-03-01", "text": "One.", "title": "T", "url": "http://e.x/1", "source": "wire"},
        "",
        {"id": 7, "date": "2024-03-02T23:30:00+05:00", "text": "Two.\r\nLines.  "},
        {"id": "x3", "date": "2024-03-03T10:00:00Z", "text": "Three.", "extra": [1, 2]},
    )
    articles, errors = read([path])
    assert errors == []
    assert [a.id for a in articles] == ["x1", "7", "x3"]
    assert [a.date for a in articles] == [date(2024, 3, 1), date(2024, 3, 2), date(2024, 3, 3)]
    assert articles[0].url == "http://e.x/1" and articles[0].source == "wire" and articles[0].title == "T"
    assert articles[1].text == "Two.\nLines." and articles[1].title == "" and articles[1].url is None
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:3", f"{path}:4"]


def test_readers_stdin(tmp_path):
    stdin = io.BytesIO(b'{"id": "s1", "date": "2024-03-01", "text": "From stdin."}\nnot json\n')
    articles, errors = read(["-"], stdin=stdin)
    assert [(a.id, a.origin) for a in articles] == [("s1", "<stdin>:1")]
    assert [(e.path, e.line) for e in errors] == [("<stdin>", 2)]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b"Russia accused Ukraine.\n", 1, "first line must be 'date YYYY-MM-DD Title'"),
        (b"date 2024-02-30 Title\n\nBody.\n", 1, "bad date '2024-02-30'"),
        (b"date 01/03/2024 Title\n\nBody.\n", 1, "bad date '01/03/2024'"),
        (b"date 2024-03-01 Title\n\n  \n\n", 2, "no article text"),
        (b"date 2024-03-01 Title\n", 2, "no article text"),
        (b"", 1, "first line must be"),
        (b"date 2024-03-01 Title\n\nGood line.\nBad \xff byte.\n", 4, "not UTF-8"),
    ],
)
def test_readers_text_malformed_names_file_and_line(tmp_path, content, line, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("date 2024-03-01 T\n\nFine.", encoding="utf-8")
    articles, errors = read([bad, good])
    assert [a.id for a in articles] == ["good"]  # the batch goes on
    [error] = errors
    assert (error.path, error.line) == (str(bad), line)
    assert message in error.message
    assert str(error).startswith(f"{bad}:{line}: ")


@pytest.mark.parametrize(
    ("line_text", "message"),
    [
        ('{"id": "a", "date": "2024-03-01", "text": "x"', "invalid JSON"),
        ('["a", "2024-03-01", "x"]', "expected a JSON object"),
        ('{"date": "2024-03-01", "text": "x"}', "missing 'id'"),
        ('{"id": "a", "text": "x"}', "missing 'date'"),
        ('{"id": "a", "date": null, "text": "x"}', "missing 'date'"),
        ('{"id": "a", "date": "2024-03-01"}', "missing 'text'"),
        ('{"id": "a", "date": "yesterday", "text": "x"}', "bad date 'yesterday'"),
        ('{"id": "a", "date": "2024-03-01", "text": "   "}', "empty 'text'"),
        ('{"id": "a", "date": "2024-03-01", "text": 5}', "'text' must be a string"),
        ('{"id": "", "date": "2024-03-01", "text": "x"}', "'id' must be a non-empty string"),
        ('{"id": true, "date": "2024-03-01", "text": "x"}', "'id' must be a non-empty string"),
        ('{"id": "a", "date": "2024-03-01", "text": "x", "title": ["t"]}', "'title' must be a string"),
    ],
)
def test_readers_jsonl_malformed_names_file_and_line(tmp_path, line_text, message):
    path = write_jsonl(
        tmp_path / "b.jsonl",
        {"id": "first", "date": "2024-03-01", "text": "First."},
        line_text,
        {"id": "last", "date": "2024-03-01", "text": "Last."},
    )
    articles, errors = read([path])
    assert [a.id for a in articles] == ["first", "last"]
    [error] = errors
    assert (error.path, error.line) == (str(path), 2)
    assert message in error.message


def test_readers_jsonl_not_utf8_line(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_bytes(
        b'{"id": "a", "date": "2024-03-01", "text": "A."}\n'
        b'{"id": "b", "date": "2024-03-01", "text": "\xe9t\xe9"}\n'
        b'{"id": "c", "date": "2024-03-01", "text": "C."}\n'
    )
    articles, errors = read([path])
    assert [a.id for a in articles] == ["a", "c"]
    assert [(e.line, e.message) for e in errors] == [(2, "not UTF-8 text (byte 0xe9)")]


def test_readers_missing_file_goes_on(tmp_path):
    good = write_jsonl(tmp_path / "g.jsonl", {"id": "a", "date": "2024-03-01", "text": "A."})
    articles, errors = read([tmp_path / "nope.txt", good])
    assert [a.id for a in articles] == ["a"]
    assert [(e.path, e.line, e.message) for e in errors] == [(str(tmp_path / "nope.txt"), None, "no such file or folder")]


def test_readers_duplicate_id_errors_on_the_later_one(tmp_path):
    (tmp_path / "dup.txt").write_text("date 2024-03-01 T\n\nFrom the text file.", encoding="utf-8")
    path = write_jsonl(
        tmp_path / "b.jsonl",
        {"id": "dup", "date": "2024-03-02", "text": "From JSONL."},
        {"id": "other", "date": "2024-03-02", "text": "Other."},
    )
    articles, errors = read([tmp_path / "dup.txt", path])
    assert [(a.id, a.text) for a in articles] == [("dup", "From the text file."), ("other", "Other.")]
    [error] = errors
    assert (error.path, error.line) == (str(path), 1)
    assert "duplicate id 'dup'" in error.message and str(tmp_path / "dup.txt") in error.message


def test_readers_is_lazy(tmp_path):
    path = write_jsonl(tmp_path / "b.jsonl", *({"id": str(i), "date": "2024-03-01", "text": "x"} for i in range(3)))
    it = read_articles([path], on_error=lambda e: None)
    assert next(it).id == "0"


def test_readers_count_articles(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("date 2024-03-01 T\n\nA.", encoding="utf-8")
    (tmp_path / "d" / "b.txt").write_text("date 2024-03-01 T\n\nB.", encoding="utf-8")
    path = write_jsonl(tmp_path / "b.jsonl", {"id": "1"}, "", {"id": "2"})
    assert count_articles([tmp_path / "d", path, tmp_path / "missing.txt"]) == 4
    assert count_articles([path, "-"]) is None


def test_readers_normalise_text_keeps_offsets_meaningful():
    assert normalise_text("a \r\nb\t\rc\n\n") == "a\nb\nc"
    assert normalise_text("  lead\n") == "  lead"


def test_read_text_file_tolerates_leading_blank_space(tmp_path):
    from dyad.ingest import read_articles

    path = tmp_path / "spaced.txt"
    path.write_text(" date 2020-02-03 A title\n\nThe body.\n", encoding="utf-8")
    errors = []
    (article,) = list(read_articles([path], on_error=errors.append))
    assert not errors
    assert article.title == "A title" and article.text == "The body."
