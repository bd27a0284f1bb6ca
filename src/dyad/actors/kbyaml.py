"""Knowledge-base files in YAML: the CSV tables, one section each, in one file.

    persons:
      - name: Jane Doe
        aliases: [J. Doe, Minister Doe]
        country: KEN
        sector: GOV
        office: defence minister
        start: 2023-01-05
        end:                      # still in office
        provenance: gazette notice 2023/41
    organisations:
      - {name: Coast Defence League, country: KEN, sector: REB, kind: armed group}
    sectors:
      - {phrase: county commissioner, sector: GOV}

The sections are ``countries``, ``organisations``, ``sectors`` and ``persons``; an
entry's keys are the columns of that table (see docs/actors.md). Lists become the
CSV tables' ``|``-separated values, dates their ISO form, an empty value nothing.
Each entry keeps its line number, so problems are reported as ``file:line``.
"""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path

from dyad.errors import DataError

SECTIONS = ("countries", "organisations", "sectors", "persons")
LINE = "__line__"


def _loader():
    import yaml

    class LineLoader(yaml.SafeLoader):
        """Safe loading; every mapping remembers the line it starts on."""

    def mapping(loader, node, deep=False):
        value = loader.construct_mapping(node, deep=True)
        value[LINE] = node.start_mark.line + 1
        return value

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return yaml, LineLoader


def _text(path: Path, line: int, key: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        raise DataError(f"{path}:{line}: {key}: expected text, got {value!r} (quote it)")
    if isinstance(value, (str, int, float)):
        return str(value).strip()
    if isinstance(value, Date):
        return value.isoformat()
    if isinstance(value, list):
        items = [_text(path, line, key, v) for v in value]
        if any(not i or "|" in i for i in items):
            raise DataError(f"{path}:{line}: {key}: list items must be non-empty and contain no '|'")
        return "|".join(items)
    raise DataError(f"{path}:{line}: {key}: expected text, a date or a list, not a {type(value).__name__}")


def read_yaml_tables(path: str | Path) -> dict[str, list[tuple[int, dict[str, str]]]]:
    """``{section: [(line, row), ...]}`` of a YAML knowledge-base file, rows as in CSV files."""
    path = Path(path)
    yaml, loader = _loader()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text: {exc}") from None
    try:
        doc = yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise DataError(f"{where}: not YAML: {getattr(exc, 'problem', None) or exc}") from None
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise DataError(f"{path}:1: expected sections ({', '.join(SECTIONS)}) at the top")
    tables: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for section, entries in doc.items():
        if section == LINE:
            continue
        if section not in SECTIONS:
            raise DataError(f"{path}:{doc[LINE]}: unknown section {section!r}; expected one of {', '.join(SECTIONS)}")
        if entries is None:
            continue
        if not isinstance(entries, list):
            raise DataError(f"{path}:{doc[LINE]}: section {section!r} must be a list of entries")
        rows = []
        for entry in entries:
            if not isinstance(entry, dict):
                raise DataError(f"{path}: section {section!r}: every entry must be a mapping of columns, not {entry!r}")
            line = entry[LINE]
            rows.append((line, {str(k): _text(path, line, str(k), v) for k, v in entry.items() if k != LINE}))
        tables[section] = rows
    return tables


def is_yaml(path: str | Path) -> bool:
    return Path(path).suffix.lower() in (".yaml", ".yml")
