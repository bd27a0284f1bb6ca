"""GDELT 2.0's schemas as an independent reader would enforce them: names, order and value types.

Written from the GDELT 2.0 Event Database codebook (column list and formats),
not from dyad's exporter, so a test can hold the export against it.
"""

from __future__ import annotations

import re

INT, FLOAT, TEXT = "int", "float", "text"

# (name, type, pattern the value must match when not empty, may be empty)
EVENTS = [
    ("GLOBALEVENTID", INT, r"\d+", False),
    ("SQLDATE", INT, r"\d{8}", False),
    ("MonthYear", INT, r"\d{6}", False),
    ("Year", INT, r"\d{4}", False),
    ("FractionDate", FLOAT, r"\d{4}\.\d{4}", False),
]
for n in (1, 2):
    EVENTS += [
        (f"Actor{n}Code", TEXT, r"[A-Z]{3,}", True),
        (f"Actor{n}Name", TEXT, r"[^\t\n]+", True),
        (f"Actor{n}CountryCode", TEXT, r"[A-Z]{3}", True),
        (f"Actor{n}KnownGroupCode", TEXT, r"[A-Z]{3}", True),
        (f"Actor{n}EthnicCode", TEXT, r"[a-z]{3}", True),
        (f"Actor{n}Religion1Code", TEXT, r"[A-Z]{3}", True),
        (f"Actor{n}Religion2Code", TEXT, r"[A-Z]{3}", True),
        (f"Actor{n}Type1Code", TEXT, r"[A-Z]{3}", True),
        (f"Actor{n}Type2Code", TEXT, r"[A-Z]{3}", True),
        (f"Actor{n}Type3Code", TEXT, r"[A-Z]{3}", True),
    ]
EVENTS += [
    ("IsRootEvent", INT, r"[01]", False),
    ("EventCode", TEXT, r"\d{3,4}", False),
    ("EventBaseCode", TEXT, r"\d{3}", False),
    ("EventRootCode", TEXT, r"\d{2}", False),
    ("QuadClass", INT, r"[1-4]", False),
    ("GoldsteinScale", FLOAT, r"-?\d+(\.\d+)?", False),
    ("NumMentions", INT, r"[1-9]\d*", False),
    ("NumSources", INT, r"[1-9]\d*", False),
    ("NumArticles", INT, r"[1-9]\d*", False),
    ("AvgTone", FLOAT, r"-?\d+(\.\d+)?", False),
]
for prefix in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
    EVENTS += [
        (f"{prefix}_Type", INT, r"[0-5]", False),
        (f"{prefix}_FullName", TEXT, r"[^\t\n]+", True),
        (f"{prefix}_CountryCode", TEXT, r"[A-Z]{2}", True),  # FIPS 10-4
        (f"{prefix}_ADM1Code", TEXT, r"[A-Z]{2}[A-Z0-9]{0,2}", True),
        (f"{prefix}_ADM2Code", TEXT, r"[^\t\n]+", True),
        (f"{prefix}_Lat", FLOAT, r"-?\d+(\.\d+)?", True),
        (f"{prefix}_Long", FLOAT, r"-?\d+(\.\d+)?", True),
        (f"{prefix}_FeatureID", TEXT, r"-?[A-Z0-9]+", True),
    ]
EVENTS += [
    ("DATEADDED", INT, r"\d{14}", False),
    ("SOURCEURL", TEXT, r"[^\t\n]+", False),
]

MENTIONS = [
    ("GLOBALEVENTID", INT, r"\d+", False),
    ("EventTimeDate", INT, r"\d{14}", False),
    ("MentionTimeDate", INT, r"\d{14}", False),
    ("MentionType", INT, r"[1-6]", False),
    ("MentionSourceName", TEXT, r"[^\t\n]+", False),
    ("MentionIdentifier", TEXT, r"[^\t\n]+", False),
    ("SentenceID", INT, r"[1-9]\d*", False),
    ("Actor1CharOffset", INT, r"-1|\d+", False),
    ("Actor2CharOffset", INT, r"-1|\d+", False),
    ("ActionCharOffset", INT, r"-1|\d+", False),
    ("InRawText", INT, r"[01]", False),
    ("Confidence", INT, r"\d{2,3}", False),
    ("MentionDocLen", INT, r"\d+", False),
    ("MentionDocTone", FLOAT, r"-?\d+(\.\d+)?", False),
    ("MentionDocTranslationInfo", TEXT, r"[^\t\n]*", True),
    ("Extras", TEXT, r"[^\t\n]*", True),
]


def read(path, schema) -> list[dict[str, object]]:
    """Read a GDELT file strictly: every line has exactly the schema's fields, each valid."""
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.endswith("\n") or "\r" in line:
                raise ValueError(f"line {lineno}: not a newline-terminated line")
            fields = line[:-1].split("\t")
            if len(fields) != len(schema):
                raise ValueError(f"line {lineno}: {len(fields)} fields, the schema has {len(schema)}")
            row: dict[str, object] = {}
            for (name, kind, pattern, optional), value in zip(schema, fields):
                if value == "":
                    if not optional:
                        raise ValueError(f"line {lineno}: {name} is empty")
                    row[name] = None
                    continue
                if not re.fullmatch(pattern, value):
                    raise ValueError(f"line {lineno}: {name}={value!r} does not match {pattern}")
                row[name] = int(value) if kind == INT else float(value) if kind == FLOAT else value
            rows.append(row)
    return rows


def duckdb_columns(schema) -> dict[str, str]:
    """The schema as DuckDB read_csv column types."""
    types = {INT: "BIGINT", FLOAT: "DOUBLE", TEXT: "VARCHAR"}
    return {name: types[kind] for name, kind, _, _ in schema}
