"""Office-holder coverage: which offices count, how days are counted, and the packaged floor."""

from datetime import date

import pytest
from typer.testing import CliRunner

from dyad.actors.coverage import FAMILIES, NEWSWORTHY, coverage, office_family, packaged_persons
from dyad.actors.kb import Person
from dyad.cli import app


@pytest.mark.parametrize("office, family", [
    ("president", "head_of_state"),
    ("acting president", "head_of_state"),
    ("governor-general", "head_of_state"),
    ("prime minister", "head_of_government"),
    ("caretaker prime minister", "head_of_government"),
    ("chancellor", "head_of_government"),
    ("foreign minister", "foreign_minister"),
    ("secretary of state", "foreign_minister"),
    ("external affairs minister", "foreign_minister"),
    ("minister of foreign affairs", "foreign_minister"),
    ("secretary of defense", "defence_minister"),
    ("minister of the armed forces", "defence_minister"),
    ("chief of the general staff", "military_chief"),
    ("chairman of the joint chiefs of staff", "military_chief"),
    ("commander of the indonesian national armed forces", "military_chief"),
    ("chief of army staff", "military_chief"),
    ("deputy prime minister", None),
    ("vice president", None),
    ("deputy defence minister", None),
    ("chancellor of the exchequer", None),
    ("foreign ministry spokesman", None),
    ("high representative of the european union for foreign affairs", None),
    ("director of the central intelligence agency", None),
])
def test_office_family(office, family):
    assert office_family(office) == family


def _p(office, start, end, country="XXA", name="A"):
    return Person(name, country, "GOV", office, start, end)


def test_coverage_counts_days_and_reports_gaps():
    persons = [
        _p("foreign minister", date(1998, 5, 1), date(2000, 1, 10), name="A"),
        _p("foreign minister", date(2000, 1, 21), None, name="B"),  # 10 days uncovered before B
        _p("defence minister", None, None, name="C"),  # unknown start: not counted
    ]
    rows = {r.family: r for r in coverage(persons, since=date(2000, 1, 1), until=date(2000, 12, 31),
                                          countries=["XXA"])}
    assert set(rows) == set(FAMILIES)
    fm = rows["foreign_minister"]
    assert fm.gaps == [(date(2000, 1, 11), date(2000, 1, 20))]
    assert fm.share == pytest.approx(356 / 366)
    assert rows["defence_minister"].share == 0.0
    assert rows["defence_minister"].gaps == [(date(2000, 1, 1), date(2000, 12, 31))]


def test_vacant_days_are_left_out():
    persons = [_p("president", date(1999, 1, 1), date(2000, 3, 31), name="A"),
               _p("president", date(2000, 7, 1), None, name="B")]
    vacant = {("XXA", "head_of_state"): [(date(2000, 4, 1), date(2000, 6, 30))]}
    rows = {r.family: r for r in coverage(persons, since=date(2000, 1, 1), until=date(2000, 12, 31),
                                          countries=["XXA"], vacant=vacant)}
    assert rows["head_of_state"].share == 1.0 and rows["head_of_state"].gaps == []
    # without the vacancy the same table has a gap of 91 days
    rows = {r.family: r for r in coverage(persons, since=date(2000, 1, 1), until=date(2000, 12, 31),
                                          countries=["XXA"], vacant={})}
    assert rows["head_of_state"].gaps == [(date(2000, 4, 1), date(2000, 6, 30))]
    assert rows["head_of_state"].share == pytest.approx(275 / 366)
    # an office that never existed counts as fully covered, not as a division by zero
    never = {("XXA", "military_chief"): [(date.min, date.max)]}
    rows = {r.family: r for r in coverage([], since=date(2000, 1, 1), until=date(2000, 12, 31),
                                          countries=["XXA"], vacant=never)}
    assert rows["military_chief"].share == 1.0 and rows["foreign_minister"].share == 0.0


def test_packaged_vacancies_are_valid():
    from dyad.actors.coverage import vacant_periods

    vac = vacant_periods()
    assert vac, "offices_vacant.csv is empty"
    for (country, family), spans in vac.items():
        assert country in NEWSWORTHY and family in FAMILIES
        assert all(lo <= hi for lo, hi in spans)


def test_president_covers_government_only_where_presidential():
    persons = [_p("president", date(1990, 1, 1), None, country="USA"),
               _p("president", date(1990, 1, 1), None, country="DEU")]
    rows = {(r.country, r.family): r.share for r in coverage(
        persons, since=date(2000, 1, 1), until=date(2000, 12, 31), countries=["USA", "DEU"])}
    assert rows["USA", "head_of_government"] == 1.0
    assert rows["DEU", "head_of_government"] == 0.0
    # Turkey's president heads the government only from 9 July 2018
    tur = [_p("president", date(2014, 8, 28), None, country="TUR")]
    share = {r.family: r.share for r in coverage(tur, since=date(2018, 1, 1), until=date(2018, 12, 31),
                                                 countries=["TUR"])}
    assert share["head_of_government"] == pytest.approx(176 / 365)


def test_cli_prints_table_and_gaps():
    result = CliRunner().invoke(app, ["kb", "coverage", "-c", "RUS", "-c", "usa", "--gaps"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["country", "state", "govt", "foreign", "defence", "military"]
    assert any(line.startswith("RUS ") for line in lines)
    assert any(line.startswith("USA ") for line in lines)
    assert "of 2 countries have all five offices covered" in lines[-1]
    bad = CliRunner().invoke(app, ["kb", "coverage", "--since", "2000-13-01"])
    assert bad.exit_code != 0


# The packaged table's promise: for most of the newsworthy states, every one of the five offices
# is known on (nearly) every day since 2000 (days an office did not exist or stood vacant left
# out). Issue #4 asks for at least 80 countries. Raised as the table grows; never lowered.
COUNTRIES_AT_95_FLOOR = 77
FAMILY_MEAN_FLOOR = {"head_of_state": 0.999, "head_of_government": 0.998, "foreign_minister": 0.998,
                     "defence_minister": 0.995, "military_chief": 0.955}


def test_packaged_coverage_floor():
    rows = coverage(packaged_persons())
    assert len(rows) == len(NEWSWORTHY) * len(FAMILIES)
    for fam, floor in FAMILY_MEAN_FLOOR.items():
        shares = [r.share for r in rows if r.family == fam]
        assert sum(shares) / len(shares) >= floor, fam
    by_country: dict[str, list[float]] = {}
    for r in rows:
        by_country.setdefault(r.country, []).append(r.share)
    near = sum(all(s >= 0.95 for s in shares) for shares in by_country.values())
    assert near >= COUNTRIES_AT_95_FLOOR
