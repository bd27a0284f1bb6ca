"""``python -m dyad.evaluate.raise_floors``: floors only go up, one point under the score."""

from __future__ import annotations

import json

import pytest

from dyad.evaluate.raise_floors import floor_for, load_reports, main, raise_floors


@pytest.mark.parametrize("score,floor", [(0.8372, 0.82), (0.29, 0.28), (0.5, 0.49), (0.005, 0.0), (0.0, 0.0),
                                         (1.0, 0.99)])
def test_floor_for_one_point_below_rounded_down(score, floor):
    assert floor_for(score) == pytest.approx(floor)


def _rep(dataset="zsp_plv", limit=None, **headline):
    return {"dataset": dataset, "limit": limit, "headline": headline, "metrics": dict(headline)}


def test_raise_floors_raises_and_never_lowers():
    floors = {"zsp_plv": {"accuracy": 0.5, "macro_f1": 0.4}, "petrarch": {"f1": 0.3}}
    new, changes = raise_floors(floors, [_rep(accuracy=0.7, macro_f1=0.2)])
    assert new["zsp_plv"] == {"accuracy": 0.69, "macro_f1": 0.4}
    assert new["petrarch"] == {"f1": 0.3}
    assert changes == ["zsp_plv.accuracy: 0.50 -> 0.69 (score 0.7000)"]
    assert floors["zsp_plv"]["accuracy"] == 0.5  # input untouched


def test_raise_floors_only_headline_metrics():
    new, _ = raise_floors({}, [{"dataset": "zsp_plv", "headline": {"accuracy": 0.6}, "metrics": {"coverage": 0.9}}])
    assert new == {"zsp_plv": {"accuracy": 0.59}}


def test_raise_floors_refuses_limited_reports():
    with pytest.raises(ValueError, match="limited"):
        raise_floors({}, [_rep(limit=100, accuracy=0.9)])
    new, _ = raise_floors({}, [_rep(limit=100, accuracy=0.9)], allow_limited=True)
    assert new["zsp_plv"]["accuracy"] == 0.89


def test_load_reports_shapes(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps(_rep(accuracy=0.5)), encoding="utf-8")
    lines = tmp_path / "lines.json"
    lines.write_text(json.dumps(_rep(accuracy=0.5)) + "\n" + json.dumps(_rep("petrarch", f1=0.2)) + "\n", encoding="utf-8")
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"reports": [_rep(accuracy=0.5)]}), encoding="utf-8")
    assert len(load_reports(one)) == 1 and len(load_reports(lines)) == 2 and len(load_reports(wrapped)) == 1
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValueError):
        load_reports(bad)


def test_main_writes_floors_file(tmp_path, capsys):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"zsp_plv": {"accuracy": 0.1, "macro_f1": 0.1}}), encoding="utf-8")
    report = tmp_path / "r.json"
    report.write_text(json.dumps(_rep(accuracy=0.42, macro_f1=0.05)), encoding="utf-8")
    assert main([str(report), "--floors", str(floors), "--dry-run"]) == 0
    assert json.loads(floors.read_text())["zsp_plv"]["accuracy"] == 0.1
    assert main([str(report), "--floors", str(floors)]) == 0
    assert json.loads(floors.read_text()) == {"zsp_plv": {"accuracy": 0.41, "macro_f1": 0.1}}
    assert "zsp_plv.accuracy: 0.10 -> 0.41" in capsys.readouterr().out


def test_main_limited_report_is_an_error(tmp_path):
    report = tmp_path / "r.json"
    report.write_text(json.dumps(_rep(limit=5, accuracy=0.9)), encoding="utf-8")
    assert main([str(report), "--floors", str(tmp_path / "f.json")]) == 2
    assert not (tmp_path / "f.json").exists()
