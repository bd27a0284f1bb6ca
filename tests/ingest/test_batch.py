"""dyad.ingest.code_inputs with a fake pipeline and a real store."""

from __future__ import annotations

import io
import json

from dyad.ingest import code_inputs


def write_inputs(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "t1.txt").write_text("date 2024-03-01 One\n\nRussia accused Ukraine of shelling.", encoding="utf-8")
    (folder / "t2.txt").write_text("date 2024-03-02 Two\n\nNothing happened today.", encoding="utf-8")
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(
        json.dumps({"id": "j1", "date": "2024-03-03", "text": "France accused Germany of lying."})
        + "\n{broken\n"
        + json.dumps({"id": "j2", "date": "2024-03-04", "text": "Germany accused Russia. Then more."})
        + "\n",
        encoding="utf-8",
    )
    return [folder, jsonl]


def run(paths, store, pipeline, **kw):
    errors, seen, out = [], [], io.StringIO()
    report = code_inputs(paths, pipeline=pipeline, store=store, out=out, on_error=errors.append, progress=seen.append, **kw)
    return report, errors, [json.loads(line) for line in out.getvalue().splitlines()], seen


def test_batch_codes_stores_and_writes(tmp_path, store, fake_pipeline):
    paths = write_inputs(tmp_path)
    report, errors, out, seen = run(paths, store, fake_pipeline, chunk_size=2)
    assert [(e.path, e.line) for e in errors] == [(str(paths[1]), 2)]
    assert (report.read, report.coded, report.skipped, report.input_errors, report.events) == (4, 4, 0, 1, 3)
    assert report.ok
    assert [r["article_id"] for r in out] == ["t1", "j1", "j2"]
    assert out == store.events()  # what was written is what was stored
    assert [a.id for a in seen] == ["t1", "t2", "j1", "j2"]
    assert report.by_plover == {"ACCUSE": 3}
    assert [r["article_id"] for r in report.sample] == ["t1", "j1", "j2"]
    assert store.counts() == {"articles": 4, "coded": 4, "events": 3, "entities": 6}


def test_batch_rerun_skips_and_stores_nothing_twice(tmp_path, store, fake_pipeline):
    paths = write_inputs(tmp_path)
    _, _, first_out, _ = run(paths, store, fake_pipeline)
    counts = store.counts()
    fake_pipeline.coded.clear()
    report, _, out, seen = run(paths, store, fake_pipeline)
    assert fake_pipeline.coded == []  # nothing coded again
    assert (report.coded, report.skipped, report.events, report.stored_events) == (0, 4, 3, 3)
    assert out == first_out  # the output is complete all the same
    assert len(seen) == 4
    assert store.counts() == counts
    report, _, _, _ = run(paths, store, fake_pipeline, force=True)
    assert (report.coded, report.skipped) == (4, 0)
    assert store.counts() == counts


def test_batch_recodes_changed_articles(tmp_path, store, fake_pipeline):
    path = tmp_path / "a.txt"
    path.write_text("date 2024-03-01 T\n\nRussia accused Ukraine.", encoding="utf-8")
    run([path], store, fake_pipeline)
    path.write_text("date 2024-03-01 T\n\nFrance accused Germany.", encoding="utf-8")
    report, _, out, _ = run([path], store, fake_pipeline)
    assert (report.coded, report.skipped) == (1, 0)
    assert [r["actors"][0]["text"] for r in store.events()] == ["France"]
    assert store.counts()["events"] == 1


def test_batch_coder_failure_reports_and_goes_on(tmp_path, store, fake_pipeline):
    path = tmp_path / "in.jsonl"
    path.write_text(
        "\n".join(
            json.dumps({"id": i, "date": "2024-03-01", "text": t})
            for i, t in [("ok1", "Russia accused Ukraine."), ("bad", "CRASH here."), ("ok2", "France accused Germany.")]
        ),
        encoding="utf-8",
    )
    report, errors, out, seen = run([path], store, fake_pipeline)
    assert [(e.path, e.line) for e in errors] == [(str(path), 2)]
    assert "could not code article 'bad'" in errors[0].message and "RuntimeError" in errors[0].message
    assert (report.coded, report.coder_errors, report.ok) == (2, 1, True)
    assert [r["article_id"] for r in out] == ["ok1", "ok2"]
    assert [a.id for a in seen] == ["ok1", "bad", "ok2"]
    assert not store.has_article("bad")


def test_batch_all_inputs_failed_is_not_ok(tmp_path, store, fake_pipeline):
    report, errors, out, _ = run([tmp_path / "missing.txt"], store, fake_pipeline)
    assert (report.read, report.failed, report.ok) == (0, 1, False)
    assert out == [] and len(errors) == 1


def test_batch_no_out_and_stdin(store, fake_pipeline):
    stdin = io.BytesIO(b'{"id": "s", "date": "2024-03-01", "text": "Russia accused Ukraine."}\n')
    report = code_inputs(["-"], pipeline=fake_pipeline, store=store, on_error=lambda e: None, stdin=stdin)
    assert (report.coded, report.events) == (1, 1)
    assert store.events()[0]["article_id"] == "s"


def test_batch_out_lines_are_event_to_json(tmp_path, store, fake_pipeline):
    from dyad.ingest import read_articles

    paths = write_inputs(tmp_path)
    out = io.StringIO()
    code_inputs(paths, pipeline=fake_pipeline, store=store, out=out, on_error=lambda e: None)
    articles = read_articles(paths, on_error=lambda e: None)
    expected = [e.to_json() for a in articles for e in fake_pipeline.code(a)]
    assert out.getvalue().splitlines() == expected
