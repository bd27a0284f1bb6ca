"""``dyad kb check``: knowledge-base files validated with file:line messages."""

from __future__ import annotations

import pytest

from dyad.actors.check import check_files

PEOPLE = """# our newsroom's people
name,aliases,country,sector,office,start,end,provenance
Amara Okonkwo-Lind,Okonkwo-Lind,KEN,MIL,chief of defence forces,2020-01-01,,newsroom
Amara Okonkwo-Lind,Okonkwo-Lind,KEN,MIL,chief of defence forces,2023-01-01,,newsroom
Jon Doe,Doe,XXX,GOV,minister,2020-13-01,,newsroom
Jane Roe,Roe,KEN,ABC,minister,2021-01-01,2020-01-01,
Peter Otieno,Otieno,KEN,GOV,minister,2019,2022,newsroom
Paul Otieno,Otieno,KEN,GOV,governor,2021,,newsroom
"""


@pytest.fixture
def people(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(PEOPLE, encoding="utf-8")
    return path


def messages(problems):
    return [f"{p.line}:{p.level}:{p.message}" for p in problems]


def test_check_packaged_knowledge_base_is_clean():
    assert [p for p in check_files() if p.level == "error"] == []


def test_check_persons_file_reports_each_problem_at_its_line(people):
    found = messages(check_files([people]))
    assert any(m.startswith("4:error:overlapping terms") for m in found), found
    assert "5:error:bad start date '2020-13-01' (YYYY, YYYY-MM or YYYY-MM-DD)" in found
    assert any(m.startswith("5:error:unknown country code 'XXX'") for m in found), found
    assert any(m.startswith("6:error:ends (2020-01-01) before it starts") for m in found), found
    assert any(m.startswith("6:error:unknown sector code 'ABC'") for m in found), found
    assert "6:warning:no provenance: say where the fact comes from" in found
    assert any(m.startswith("8:error:'otieno' names both Peter Otieno") for m in found), found


def test_check_names_clashing_countries_and_packaged_overrides(tmp_path):
    orgs = tmp_path / "orgs.csv"
    orgs.write_text("name,aliases,country,sector,group,kind,provenance\n"
                    "Kenya Defence Forces,KDF,KEN,MIL,,military,n\n"
                    "Kremlin,,UKR,GOV,,seat,n\n"
                    "Uganda Forces,KDF,UGA,MIL,,militia,n\n", encoding="utf-8")
    found = messages(check_files([orgs]))
    assert any(m.startswith("3:warning:'kremlin' overrides the packaged entry") for m in found), found
    assert any(m.startswith("4:error:'kdf' has clashing entries: country KEN vs UGA") for m in found), found
    assert any(m.startswith("4:error:unknown organisation kind 'militia'") for m in found), found


def test_check_unknown_header_and_yaml(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("foo,bar\n1,2\n", encoding="utf-8")
    yaml = tmp_path / "my_actors.yaml"
    yaml.write_text("- name: X\n", encoding="utf-8")
    found = check_files([bad, yaml, tmp_path / "missing.csv"])
    text = [str(p) for p in found]
    assert any(t.endswith("bad.csv:1: error: unknown knowledge-base file: header foo, bar names no table "
                          "(countries, organisations, sectors, persons; see docs/actors.md)") for t in text), text
    assert any("my_actors.yaml:1: error: expected sections" in t for t in text), text
    assert any(t.endswith("missing.csv: error: no such file") for t in text), text


def test_check_cli_exit_status(tmp_path, people, cli_runner):
    from dyad.cli._app import app
    import dyad.cli  # noqa: F401 - registers the commands

    result = cli_runner.invoke(app, ["kb", "check", str(people)])
    assert result.exit_code == 1
    assert "5: error: bad start date" in result.output.replace(str(people) + ":", "")
    good = tmp_path / "good.csv"
    good.write_text("phrase,sector,kind,provenance\ncounty commissioner,GOV,title,newsroom\n", encoding="utf-8")
    result = cli_runner.invoke(app, ["kb", "check", str(good)])
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output


def test_check_yaml_entries_with_their_lines(tmp_path):
    yaml = tmp_path / "my_actors.yaml"
    yaml.write_text(
        "persons:\n"
        "  - name: Amara Otieno\n"
        "    country: KEN\n"
        "    sector: GOV\n"
        "    office: minister\n"
        "    start: 2023-01-05\n"
        "    provenance: test\n"
        "  - name: Baraka Mwangi\n"
        "    country: KEX\n"
        "    start: 2023-02-01\n"
        "    end: 2022-01-01\n"
        "    colour: blue\n",
        encoding="utf-8",
    )
    text = [str(p) for p in check_files([yaml])]
    assert any(":8: error:" in t and "KEX" in t for t in text), text
    assert any(":8: error:" in t and ("before" in t or "backwards" in t or "after" in t) for t in text), text
    assert any("colour" in t and "warning" in t for t in text), text
    assert not any(":2: error" in t for t in text), text
