"""The knowledge base loader: keys, dated roles, user files (no spaCy model needed)."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.actors.kb import file_kind, load_kb, phrase_key
from dyad.errors import DataError


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_kb_organisation_role_as_of_a_date(kb):
    taliban = kb.names[phrase_key("Taliban")]
    assert kb.as_of(taliban, date(2019, 5, 1)).sector == "INS"
    assert kb.as_of(taliban, date(2021, 8, 15)).sector == "GOV"
    assert kb.as_of(taliban, date(2023, 1, 1)).country == "AFG"


def test_kb_person_office_as_of_a_date(kb):
    key = phrase_key("Abdel Fattah el-Sisi")
    assert kb.person(key, date(2013, 8, 1)).sector == "MIL"
    assert kb.person(key, date(2016, 5, 1)).sector == "GOV"
    # between two offices: a former office holder
    assert kb.person(phrase_key("Donald Trump"), date(2022, 6, 1)).sector == "ELI"


def test_kb_person_new_office_wins_on_the_day_of_the_handover(kb):
    shoigu = kb.person(phrase_key("Sergei Shoigu"), date(2024, 5, 12))
    assert shoigu.office == "secretary of the security council"


def test_kb_person_names_with_and_without_arabic_articles(kb):
    for name in ("Omar al-Bashir", "Omar el-Bashir", "Omar Bashir"):
        assert kb.persons.get(phrase_key(name)), name


def test_kb_keys_fold_accents_and_split_possessives(kb):
    assert phrase_key("Erdoğan") == ("erdogan",)
    assert kb.names[("people", "'s", "liberation", "army")].country == "CHN"


def test_kb_acronyms_are_marked(kb):
    assert ("isis",) in kb.acronyms
    assert ("taliban",) not in kb.acronyms


def test_kb_places_give_regions_and_towns_a_country(kb):
    assert kb.places[("darfur",)].country == "SDN"
    assert ("punjab",) not in kb.places  # two countries have one


@pytest.mark.parametrize(
    ("columns", "kind"),
    [
        (["phrase", "sector", "kind"], "sectors"),
        (["name", "aliases", "country", "sector", "office", "start", "end"], "persons"),
        (["name", "country", "start", "end"], "persons"),
        (["name", "aliases", "country", "sector", "group", "kind", "start", "end"], "organisations"),
        (["name", "aliases", "country", "sector"], "organisations"),
        (["code", "name", "aliases", "demonyms", "capitals"], "countries"),
        (["foo", "bar"], None),
    ],
)
def test_kb_file_kind_from_header(columns, kind):
    assert file_kind(columns) == kind


def test_kb_user_organisation_overrides_a_packaged_one(tmp_path):
    extra = tmp_path / "orgs.csv"
    extra.write_text("name,aliases,country,sector,group,kind,provenance\n"
                     "Kenya Defence Forces,KDF,KEN,MIL,,military,test\n"
                     "Taliban,,AFG,REB,,armed_group,test\n", encoding="utf-8")
    kb = load_kb((str(extra),))
    assert kb.names[("kdf",)].country == "KEN"
    assert kb.names[("taliban",)].sector == "REB"


def test_kb_user_file_bad_date_names_file_and_line(tmp_path):
    extra = tmp_path / "people.csv"
    extra.write_text("# our newsroom\n\nname,aliases,country,sector,office,start,end,provenance\n"
                     "Amara Otieno,Otieno,KEN,GOV,minister,2020-13-01,,test\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"people\.csv:4: bad date"):
        load_kb((str(extra),))


YAML_KB = """# our newsroom's additions
persons:
  - name: Amara Otieno
    aliases: [CS Otieno]
    country: KEN
    sector: GOV
    office: cabinet secretary for defence
    start: 2023-01-05
    end:
    provenance: test
organisations:
  - {name: Coast Defence League, country: KEN, sector: REB, kind: armed_group, provenance: test}
sectors:
  - {phrase: county commissioner, sector: GOV, provenance: test}
"""


def test_kb_yaml_files_add_persons_organisations_and_phrases(tmp_path):
    from datetime import date

    extra = tmp_path / "my_actors.yaml"
    extra.write_text(YAML_KB, encoding="utf-8")
    kb = load_kb((str(extra),))
    plain = load_kb()
    assert kb is not plain
    assert len(kb.names) > len(plain.names) or len(kb.sectors) > len(plain.sectors)
    from dyad.pipeline import Pipeline

    pipe = Pipeline(kb_paths=[str(extra)])
    (ev,) = pipe.code_text("CS Otieno accused the Coast Defence League of attacking a police post.", date(2024, 3, 1))
    assert ev.actors[0].code == "KENGOV" and ev.actors[0].how == "kb"
    assert ev.recipients[0].code == "KENREB"


@pytest.mark.parametrize(
    "text, message",
    [
        ("- name: X\n", r"my_actors\.yaml:1: expected sections"),
        ("people:\n  - name: X\n", r"my_actors\.yaml:1: unknown section 'people'"),
        ("persons:\n  - name: X\n    start: [1, 2\n", r"my_actors\.yaml:\d+: not YAML"),
        ("persons:\n  - name: X\n    country: {a: b}\n", r"my_actors\.yaml:2: country: expected text"),
    ],
)
def test_kb_yaml_errors_name_the_file_and_line(tmp_path, text, message):
    extra = tmp_path / "my_actors.yaml"
    extra.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_kb((str(extra),))


def test_kb_user_rows_replace_only_the_same_office(tmp_path):
    """A user file corrects a term of one office without dropping the person's other offices,
    and two offices held at once in the same file both stay."""
    from datetime import date

    extra = tmp_path / "persons.csv"
    extra.write_text(
        "name,aliases,country,sector,office,start,end,provenance\n"
        "Amina Okoro-Test,Okoro-Test,KEN,GOV,prime minister,2010-01-01,2014-01-01,test\n"
        "Amina Okoro-Test,Okoro-Test,KEN,MIL,defence minister,2012-01-01,2013-01-01,test\n"
        "Amina Okoro-Test,Okoro-Test,KEN,GOV,prime minister,2010-01-01,2015-06-01,test correction\n",
        encoding="utf-8",
    )
    kb = load_kb((str(extra),))
    key = phrase_key("Amina Okoro-Test")
    terms = sorted((p.office, p.end) for p in kb.persons[key])
    # the file's own rows never replace each other: both prime-minister rows and the defence row
    assert ("defence minister", date(2013, 1, 1)) in terms
    assert ("prime minister", date(2015, 6, 1)) in terms
    # a user row replaces the packaged term of the same office it overlaps, not the others
    wd = tmp_path / "putin.csv"
    wd.write_text("name,aliases,country,sector,office,start,end,provenance\n"
                  "Vladimir Putin,Putin,RUS,GOV,president,2012-05-07,,test\n", encoding="utf-8")
    kb2 = load_kb((str(wd),))
    offices = {p.office for p in kb2.persons[phrase_key("Vladimir Putin")]}
    assert "prime minister" in offices and "president" in offices
    assert kb2.person(phrase_key("Putin"), date(2010, 6, 1)).office == "prime minister"
